import { ok } from '../../../shared/errors'
import {
  SPACE_DOC_ID,
  conversationDocId,
  conversationOfDoc,
  parseDocId,
  segmentDocId,
} from '../../../shared/docs'
import type { Space } from '../space/space'
import { SYNC_ORIGIN, type SyncTarget } from '../sync'

/** The conversation id of a synced document id (its own document or a segment), or null for the space doc or anything else. */
export const conversationIdOf = conversationOfDoc

/** The conversation a document of messages belongs to, and which segment it is (null: its own document). */
function messagesDocOf(docId: string): { id: string; segment: number | null } | null {
  const parsed = parseDocId(docId)
  if (parsed === null || parsed.kind === 'space') return null
  return { id: parsed.conversationId, segment: parsed.kind === 'segment' ? parsed.n : null }
}

/** A SyncTarget over a Space, plus what the sync service needs to know about the docs it handed out. */
export interface SpaceTarget extends SyncTarget {
  /** Document ids handed to the engine so far (the engine listens to those itself). */
  readonly handedOut: Set<string>
  /** Conversations whose document arrived by sync while the space doc had no entry for them. */
  readonly orphans: Set<string>
}

/**
 * The documents of a space as sync sees them: `space` (memory, the conversations list, meta),
 * `conversation:<id>` for every conversation the list knows, trashed and newer-schema ones included,
 * and each segment of theirs this device stores (`segmentDocId`).
 * Documents are the runtime's own live instances, already loaded; unknown conversation ids (first
 * seen in another device's update) are opened, which creates them. A conversation that arrives
 * whole (a sealed item) is stored without being opened (`Space.receiveSealed`).
 */
export function spaceTarget(space: Space): SpaceTarget {
  const handedOut = new Set<string>()
  const orphans = new Set<string>()
  return {
    handedOut,
    orphans,
    listDocIds: async () => {
      const ids: string[] = [SPACE_DOC_ID]
      const segments = await space.allSegments()
      for (const id of space.conversationIds()) {
        ids.push(conversationDocId(id))
        for (const n of segments.get(id) ?? []) ids.push(segmentDocId(id, n))
      }
      return ok(ids)
    },
    getDoc: async (docId) => {
      const doc = await space.syncDoc(docId)
      if (!doc.ok) return doc
      handedOut.add(docId)
      const id = conversationIdOf(docId)
      if (id !== null && !space.hasConversationEntry(id)) orphans.add(id)
      return doc
    },
    receive: (doc, update) => space.receiveSynced(doc, update, SYNC_ORIGIN),
    othersRead: ({ segments }) => space.othersReadSegments(segments),
    position: (docId) => space.storedPositionOf(docId),
    settled: () => space.settle(),
    // The space document is always handed to sync: no one hands it over once it loads.
    isLoaded: (docId) => docId === SPACE_DOC_ID || space.isDocOpen(docId),
    sealedOf: async (docId) => {
      const of = messagesDocOf(docId)
      return of === null ? ok(null) : space.sealedOf(of.id, of.segment)
    },
    sealFold: (docId, updates) => {
      const of = messagesDocOf(docId)
      return of === null ? null : space.sealFold(of.id, updates)
    },
    receiveSealed: async (docId, parts, itemId) => {
      const of = messagesDocOf(docId)
      if (of === null) return ok(false)
      const stored = await space.receiveSealed(of.id, parts, itemId, of.segment)
      if (stored.ok && stored.value && !space.hasConversationEntry(of.id)) orphans.add(of.id)
      return stored
    },
  }
}
