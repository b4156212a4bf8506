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

/** A stored draft: its text and when it was last changed (ms; null for drafts from older builds). */
export interface DraftEntry {
  text: string
  at: number | null
}

function parseEntry(raw: string): DraftEntry {
  try {
    const v = JSON.parse(raw) as unknown
    if (
      v !== null &&
      typeof v === 'object' &&
      typeof (v as DraftEntry).text === 'string' &&
      typeof (v as DraftEntry).at === 'number'
    )
      return { text: (v as DraftEntry).text, at: (v as DraftEntry).at }
  } catch {
    // A plain string: a draft written before drafts carried their time.
  }
  return { text: raw, at: null }
}

/** The draft of `conversationId` with when it was last changed. */
export function readDraftEntry(conversationId: string | null): DraftEntry {
  const key = keyOf(conversationId)
  const raw = storage()?.getItem(key) ?? memory.get(key) ?? ''
  return raw === '' ? { text: '', at: null } : parseEntry(raw)
}

/** The draft of `conversationId`, or '' when there is none. */
export function readDraft(conversationId: string | null): string {
  return readDraftEntry(conversationId).text
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
  const entry = JSON.stringify({ text, at: Date.now() })
  memory.set(key, entry)
  try {
    s?.setItem(key, entry)
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
