/** The id of a space's structured-state document (memory, the conversation list, meta). */
export const SPACE_DOC_ID = 'space'

/**
 * The id of a conversation's own document; also the quarantine origin of its messages.
 * @example conversationDocId('d771') === 'conversation:d771'
 */
export const conversationDocId = (conversationId: string): `conversation:${string}` =>
  `conversation:${conversationId}`

/**
 * The id of segment `n` of a conversation: a document of its own that holds a bounded run of the
 * conversation's messages (README, Architecture, "Segments"). A conversation id may hold any
 * character, so it is written after its length: the id reads back one way only, and every segment
 * of one conversation starts with `segmentPrefix(conversationId)` (one key range in storage).
 * @example segmentDocId('d771', 3) === 'segment:4:d771:3'
 */
export const segmentDocId = (conversationId: string, n: number): `segment:${string}` =>
  `${segmentPrefix(conversationId)}${n}`

/** What every segment id starts with. */
export const SEGMENT_IDS = 'segment:'

/** What every segment id of `conversationId` starts with. */
export const segmentPrefix = (conversationId: string): `segment:${string}` =>
  `${SEGMENT_IDS}${conversationId.length}:${conversationId}:`

/** What a document id names: the space document, a conversation's document, one of its segments, or neither (null). */
export type ParsedDocId =
  | { kind: 'space' }
  | { kind: 'conversation'; conversationId: string }
  | { kind: 'segment'; conversationId: string; n: number }

const SEGMENT_HEAD = /^segment:([1-9]\d{0,5}):/
const SEGMENT_NUMBER = /^(0|[1-9]\d{0,8})$/

/**
 * Reads a document id back.
 * @example parseDocId('conversation:d771') // { kind: 'conversation', conversationId: 'd771' }
 * @example parseDocId('segment:4:d771:3') // { kind: 'segment', conversationId: 'd771', n: 3 }
 */
export function parseDocId(docId: string): ParsedDocId | null {
  if (docId === SPACE_DOC_ID) return { kind: 'space' }
  const prefix = conversationDocId('')
  if (docId.startsWith(prefix) && docId.length > prefix.length)
    return { kind: 'conversation', conversationId: docId.slice(prefix.length) }
  const head = SEGMENT_HEAD.exec(docId)
  if (head?.[1] === undefined) return null
  const start = head[0].length
  const end = start + Number(head[1])
  const number = docId.slice(end + 1)
  if (docId[end] !== ':' || !SEGMENT_NUMBER.test(number)) return null
  return { kind: 'segment', conversationId: docId.slice(start, end), n: Number(number) }
}

/** The conversation a document belongs to (its own document or one of its segments); null for the space document or anything else. */
export function conversationOfDoc(docId: string): string | null {
  const parsed = parseDocId(docId)
  return parsed === null || parsed.kind === 'space' ? null : parsed.conversationId
}
