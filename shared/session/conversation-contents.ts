import { passed, type Checked } from './problems'
import type { SessionConversation, SessionData } from './session-data'

/**
 * The conversations of a session given out whole, one at a time, in the order of the session's
 * list, each checked; an import that reads its source again as it writes gives a failure (the
 * source changed, or could not be read again) and then stops.
 */
export type ConversationContents = () => Generator<Checked<SessionConversation>>

/** A conversation's entry: its id, title and times, with no messages and no Yjs state. */
export const entryOnly = (c: SessionConversation): SessionConversation => ({
  ...c,
  messages: [],
  yjs: null,
  segments: [],
})

/**
 * The conversations `data` holds, given out one at a time; each is replaced by its entry in
 * `data.conversations` as it is given out, so once a writer has stored and dropped it, nothing
 * holds its messages.
 */
export function heldContents(data: SessionData): ConversationContents {
  return function* () {
    const list = data.conversations
    for (let i = 0; i < list.length; i++) {
      const c = list[i]
      if (!c) continue
      list[i] = entryOnly(c)
      yield passed(c)
    }
  }
}

/**
 * `data` with every conversation whole: read from `contents` when `data` holds entries only (for
 * what needs every conversation at once, such as a merge), or `data` itself when `contents` is null.
 */
export function withContents(
  data: SessionData,
  contents: ConversationContents | null,
): Checked<SessionData> {
  if (contents === null) return passed(data)
  const conversations: SessionConversation[] = []
  for (const c of contents()) {
    if (!c.ok) return c
    conversations.push(c.value)
  }
  return passed({ ...data, conversations })
}
