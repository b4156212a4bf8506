/**
 * What the person has typed but not sent, per conversation, kept in this window's local storage so
 * it survives a reload and never follows them into another conversation. A draft is UI state on
 * this device only: it is not memory and does not sync.
 */
const PREFIX = 'keepsake:draft:'

/** The draft slot of a conversation; `null` is "no conversation yet" (the first message makes one). */
const keyOf = (conversationId: string | null): string => `${PREFIX}${conversationId ?? 'new'}`

const storage = (): Storage | null => {
  try {
    return window.localStorage
  } catch {
    // Storage can be refused (a locked-down profile); drafts then last as long as the window.
    return null
  }
}

const memory = new Map<string, string>()

/** The draft of `conversationId`, or '' when there is none. */
export function readDraft(conversationId: string | null): string {
  const key = keyOf(conversationId)
  return storage()?.getItem(key) ?? memory.get(key) ?? ''
}

/** Keeps `text` as the draft of `conversationId`; an empty text removes the draft. */
export function writeDraft(conversationId: string | null, text: string): void {
  const key = keyOf(conversationId)
  const s = storage()
  if (text === '') {
    memory.delete(key)
    s?.removeItem(key)
    return
  }
  memory.set(key, text)
  try {
    s?.setItem(key, text)
  } catch {
    // Over the storage quota: the draft stays in memory for this window.
  }
}

/** Puts `texts` (e.g. messages that could not be saved) back in front of a conversation's draft. */
export function restoreToDraft(conversationId: string | null, texts: readonly string[]): string {
  const joined = [...texts, readDraft(conversationId)].filter((t) => t.trim() !== '').join('\n\n')
  writeDraft(conversationId, joined)
  return joined
}
