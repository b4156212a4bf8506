import type * as Y from 'yjs'
import { metaMap } from './layout'

/**
 * Conversations deleted for good are remembered in the space document's meta as
 * `purged:<conversation id>` → when. A key of its own per conversation, written by nobody else, so
 * no concurrent edit can undo it: any device that sees it deletes what it still holds of that
 * conversation, and nothing lists or re-creates it.
 */
const PREFIX = 'purged:'

export const purgedKey = (conversationId: string): string => `${PREFIX}${conversationId}`

/** Whether the conversation was deleted for good (here or on another device). */
export function isPurged(spaceDoc: Y.Doc, conversationId: string): boolean {
  return metaMap(spaceDoc).has(purgedKey(conversationId))
}

/** Every conversation deleted for good. */
export function purgedIds(spaceDoc: Y.Doc): string[] {
  return [...metaMap(spaceDoc).keys()]
    .filter((k) => k.startsWith(PREFIX))
    .map((k) => k.slice(PREFIX.length))
}

/** Records that the conversation was deleted for good at `at` (ISO). Call inside a transaction. */
export function markPurged(spaceDoc: Y.Doc, conversationId: string, at: string): void {
  metaMap(spaceDoc).set(purgedKey(conversationId), at)
}
