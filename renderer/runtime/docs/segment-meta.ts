import type * as Y from 'yjs'
import { messagesOf, metaMap } from '../../../shared/docs'

/** The meta key that says which segment of its conversation a document is. */
const SEGMENT_KEY = 'segment'
/** The meta key a full segment is sealed with: no device appends to it after it has seen it. */
const SEALED_KEY = 'sealed'

/** Marks a new segment document with its number (beside the conversation meta every one has). */
export function claimSegment(doc: Y.Doc, n: number): void {
  metaMap(doc).set(SEGMENT_KEY, n)
}

/**
 * Seals a full segment: its meta says how many messages it held and its last one's time when it
 * was sealed. Two devices that seal it offline both write this key; whichever Yjs keeps, it is sealed.
 */
export function sealSegment(doc: Y.Doc): void {
  const messages = messagesOf(doc)
  const last: unknown = messages.length > 0 ? messages.get(messages.length - 1) : null
  const lastAt =
    typeof last === 'object' && last !== null && 'createdAt' in last ? last.createdAt : null
  metaMap(doc).set(SEALED_KEY, { count: messages.length, lastAt })
}

/** Whether a segment document was sealed (here or on another device). */
export const isSealedSegment = (doc: Y.Doc): boolean => metaMap(doc).get(SEALED_KEY) !== undefined
