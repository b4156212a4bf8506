import { findDate, type FoundDate } from './dates'

/**
 * Where someone else's asking starts: at the start of the clause, or after a comma or "and" when the
 * clause first says what the job is ("got a skiff on order for Rudy, him want it done before
 * Christmas"). The asker is not the person ("I need the receipts by Friday" is read as their own
 * to-do), and a denied want ("doesn't need it till June") asks for nothing.
 */
const ASKER_WANTS =
  /(?:^|[,;]\s*|\b(?:and|so|but)\s+)(?!(?:I|we|you|and|so|but)\b)((?:[\p{L}\p{N}'’.&-]+\s+){0,5}?)(?:(?:now|also|really|still|just|only|even|urgently)\s+)*(?:wants?|need|needs|expects?|would like|requires?|asked for|has asked for|have asked for|(?:is|are)\s+asking for|asking for)\s+/giu

/** Words that turn the want round: said as not wanted, or as a wish in the past. */
const DENIED = /\b(?:not|never|no longer|n['’]t|doesn|don|didn)\b/iu

/**
 * What comes before the day when the day is when the thing is wanted by: straight before it, or a
 * few words back ("before the party on the 12th"); "for" only straight before it ("a cake for
 * Saturday", not "a party for her birthday on the 20th").
 */
const BY_THEN =
  /\b(?:by|before|b4|latest|no later than|not later than|ahead of|in time for)(?:\s+[\p{L}'’]+){0,4}?\s+$|\bfor\s+(?:the\s+)?$/iu

/** A job asked of the person: by when, and where in the clause the asker is named. */
export interface AskedFor {
  /** The day it is wanted by, placed in the whole clause. */
  due: FoundDate
  /**
   * Where the asking starts when the clause first said something else and then named the asker
   * ("the inspection is on 8 April, and the inspector wants the records by 1 April"); null when
   * the asking is the whole clause, or points back at what came before ("him want it done").
   */
  after: number | null
  /**
   * Whether what is wanted is only "it" or "a draft": a piece of work told before, not a job of
   * its own ("Working on a long read. My editor wants a draft by the 24th").
   */
  pointsBack: boolean
  /** Who asks, as said ("my editor Ruth"); empty when the clause left them out. */
  asker: string
  /** Whether it is only "it" or "them", with nothing of its own to name the work. */
  pronoun: boolean
}

/**
 * The day by which someone else wants a thing of the person, when the clause says so: "my manager
 * Colin wants the damp and mould report by the 10th", "client needs the drawings sent before
 * Friday", "him want it done before Christmas", "they now want the quotation latest Thursday". A
 * want of their own life ("my wife wants to move to Spain before 2030"), a want denied, or a day
 * already gone is not a job asked of the person, and gives null.
 *
 * @example wantedBy('the landlord wants the inventory signed by Friday', now)?.due.phrase // 'Friday'
 * @example wantedBy('my son wants to be a pilot by 30', now) // null
 */
export function wantedBy(text: string, now: Date): AskedFor | null {
  for (const m of text.matchAll(ASKER_WANTS)) {
    const asker = m[1] ?? ''
    if (DENIED.test(asker)) continue
    const from = m.index + m[0].length
    const rest = text.slice(from)
    // "wants to move", "needs to sign": what they mean to do is theirs. "the battery needs
    // reconditioning": what a thing needs is a fault or a job, not an asking.
    if (/^(?:to|\p{L}+ing)\b/iu.test(rest)) continue
    const found = findDate(rest, now)
    if (!found || found.each) continue
    const what = rest.slice(0, found.index)
    const words = what.trim().split(/\s+/u).length
    if (!BY_THEN.test(what) || words < 2 || words > 10) continue
    if (Date.parse(found.iso) < now.getTime() - 86_400_000) continue
    // "the school people called, they want the quote by Thursday": an asker or a thing said only
    // as "they" or "it" points back, and the clause stays whole.
    const own =
      m.index > 0 &&
      asker !== '' &&
      !/^(?:he|she|they|him|them|it|dem|una)\b/iu.test(asker) &&
      !/^(?:it|them|that|this|one|him|her)\b/iu.test(rest)
    return {
      due: { ...found, index: from + found.index },
      after: own ? m.index + m[0].indexOf(asker) : null,
      pointsBack: /^(?:it|them|that|this|one|an?)\b/iu.test(rest),
      pronoun: /^(?:it|them|that|this)\b/iu.test(rest),
      asker: asker.trim(),
    }
  }
  return null
}
