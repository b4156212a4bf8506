import * as Y from 'yjs'
import { ok, type Result } from '../../../shared/errors'
import type { QuarantineRow } from '../db/space-db'
import { deleteMessage, locateMessage } from '../docs/message-store'
import {
  conversationDocId,
  conversationsMap,
  memoryMap,
  parseDocId,
  readRecord,
} from '../../../shared/docs'
import type { Space } from './space'

/**
 * Removes for good the unreadable record a quarantine row names, so it is not quarantined again on the
 * next load: from the synced document for memory items and conversation entries (only if it is still
 * unreadable there: a sync may have repaired it), from the read model for messages, from the update log
 * for corrupt rows. A read-only space changes nothing.
 */
export async function discardUnreadable(space: Space, row: QuarantineRow): Promise<Result<void>> {
  const { origin, recordId } = row
  const messageOrigin = parseDocId(origin)?.kind === 'conversation'
  const stored = origin === 'memory' || origin === 'conversations' || messageOrigin
  if (space.readOnly && (stored || origin === 'updates' || origin === 'snapshots'))
    return space.readOnlyError()
  const db = space.db
  if (origin === 'memory' || origin === 'conversations') {
    const loaded = await space.loadedState()
    if (!loaded.ok) return loaded
  }
  if (origin === 'memory') {
    return space.state.change((doc) => {
      const map = memoryMap(doc)
      if (map.has(recordId) && unreadable(readRecord('memory', recordId, map.get(recordId))))
        map.delete(recordId)
    })
  }
  if (origin === 'conversations') {
    return space.state.change((doc) => {
      const map = conversationsMap(doc)
      const entry = map.get(recordId)
      if (map.has(recordId) && unreadable(readRecord('conversations', recordId, entry)))
        map.delete(recordId)
    })
  }
  if (messageOrigin) {
    const message = await locateMessage(db, recordId)
    if (
      message &&
      unreadable(readRecord(conversationDocId(message.conversationId), recordId, message.record))
    )
      await deleteMessage(db, recordId)
    return ok(undefined)
  }
  if (origin === 'updates') {
    // Sequence numbers are never reused, so the row is the one that failed.
    const seq = Number(recordId)
    if (Number.isInteger(seq)) await db.updates.delete(seq)
    return ok(undefined)
  }
  if (origin === 'snapshots') {
    // Snapshots are keyed by document: delete only if the stored one is still the broken one.
    const snapshot = await db.snapshots.get(recordId)
    if (snapshot && !replays(snapshot.state)) await db.snapshots.delete(recordId)
    return ok(undefined)
  }
  return ok(undefined)
}

function replays(bytes: unknown): boolean {
  if (!(bytes instanceof Uint8Array)) return false
  const scratch = new Y.Doc()
  try {
    Y.applyUpdate(scratch, bytes)
    return true
  } catch {
    return false
  } finally {
    scratch.destroy()
  }
}

const unreadable = (read: { type: string }): boolean => read.type === 'unreadable'
