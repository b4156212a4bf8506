/** The id of a space's structured-state document (memory, the conversation list, meta). */
export const SPACE_DOC_ID = 'space'

/**
 * The id of a conversation's own document; also the quarantine origin of its messages.
 * @example conversationDocId('d771') === 'conversation:d771'
 */
export const conversationDocId = (conversationId: string): `conversation:${string}` =>
  `conversation:${conversationId}`

/** What a document id names: the space document, a conversation's document, or neither (null). */
export type ParsedDocId = { kind: 'space' } | { kind: 'conversation'; conversationId: string }

/**
 * Reads a document id back.
 * @example parseDocId('conversation:d771') // { kind: 'conversation', conversationId: 'd771' }
 */
export function parseDocId(docId: string): ParsedDocId | null {
  if (docId === SPACE_DOC_ID) return { kind: 'space' }
  const prefix = conversationDocId('')
  if (docId.startsWith(prefix) && docId.length > prefix.length)
    return { kind: 'conversation', conversationId: docId.slice(prefix.length) }
  return null
}
