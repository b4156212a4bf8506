import type { MemoryKind } from '../../../shared/schema/current'

/**
 * One thing a person stated that belongs in memory, in the person's own voice, cleaned so it reads
 * well back ("I work at Acme Corp", "Renew my passport").
 */
export interface Capture {
  kind: MemoryKind
  /** First-person text as stored; answers flip it to second person. */
  text: string
  /**
   * What the item is about when only one value can hold at a time ("employer", "home", "timezone",
   * "sister job", "choice: pgvector vs pinecone"). A new value for the same subject supersedes the
   * old one. Null for items that can hold side by side (allergies, likes, free facts).
   */
  subject: string | null
  /** The value that holds for the subject ("Acme Corp"), when there is one. */
  value: string | null
  /** For preferences: the key the model tools use; defaults to the subject. */
  key?: string
  /** A deadline or date the item names, as an ISO instant, resolved against the message's time. */
  due: string | null
  /** A recurring schedule in words ("every weekday at 9:30"). */
  schedule: string | null
  /** Words the person said no longer hold ("not Samantha", "switched from pgvector"). */
  replaces: string | null
  /** Said as a correction ("actually", "no wait", "scratch that", "switched to"). */
  correction: boolean
  /** A task told as already done with nothing open for it ("got the car washed"): kept as done. */
  done?: boolean
}

/** A change to an item the person already has: a task done or blocked, an issue resolved. */
export interface StatusUpdate {
  /** What the person said, in their voice ("I sent the slides to Maria"). */
  text: string
  /** Words that identify the existing item. */
  about: string
  target: 'task' | 'issue' | 'any'
  status: 'done' | 'blocked' | 'in_progress' | 'resolved'
  /** A note kept on the item ("waiting for legal"). */
  note: string | null
  /**
   * What to record when no open item matches: a new item (a blocker becomes an issue) or nothing
   * (a report of something never mentioned is not turned into a task).
   */
  otherwise: Capture | null
}

/** Something the person says no longer holds, without a replacement ("I'm not vegetarian anymore"). */
export interface Retraction {
  text: string
  about: string
  subject: string | null
}

/** What a question asks memory for. */
export type Question =
  | { type: 'about-me' }
  | {
      type: 'kind'
      kinds: MemoryKind[]
      scope: 'open' | 'due' | 'blocked'
      window: DueWindow | null
      /** Other content words of the question ("pet" in "any pet problems?"), to narrow the list. */
      about?: string[]
    }
  | { type: 'said'; topic: string }
  | { type: 'lookup'; subjects: string[]; words: string[]; ask: AskWord; text: string }

/** The question word, which shapes the answer ("when" wants a date, "why" a reason). */
export type AskWord = 'what' | 'who' | 'where' | 'when' | 'why' | 'how' | 'which' | 'yes-no'

export interface DueWindow {
  from: string
  to: string
  label: string
}

/** How one sentence was read. */
export type Reading =
  | { type: 'capture'; sentence: string; captures: Capture[] }
  | { type: 'status'; sentence: string; update: StatusUpdate }
  | { type: 'retract'; sentence: string; retraction: Retraction }
  | { type: 'forget'; sentence: string; about: string }
  | { type: 'amend'; sentence: string; value: string; replaces: string | null }
  | { type: 'question'; sentence: string; question: Question }
  | { type: 'greeting'; sentence: string }
  | { type: 'thanks'; sentence: string }
  /** `aside`: said, but not as something that holds for the person (a hypothetical, someone else's view). */
  | { type: 'chat'; sentence: string; aside?: boolean }
  | { type: 'not-english'; sentence: string }
  /** A long paste (a document, a log): kept in the conversation, not read statement by statement. */
  | { type: 'document'; sentence: string }

/** Everything understood from one message, sentence by sentence, in order. */
export interface Analysis {
  readings: Reading[]
}
