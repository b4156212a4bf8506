import { Dexie } from 'dexie'
import * as Y from 'yjs'
import { SPACE_DOC_ID, isPurged } from '../../../shared/docs'
import { SpaceDb, spaceDbName } from '../db/space-db'
import { readDocState } from '../docs/doc-state'
import { messageCounts } from '../docs/message-store'
import { readMemory } from '../memory/memory-doc'
import { readConversations } from '../space/conversation-list'

/** What a space holds, as the Spaces list shows it. */
export interface SpaceStats {
  /** Conversations in the list (not in Trash). */
  conversations: number
  /** Messages of every conversation, Trash included: what deleting the space deletes. */
  messages: number
  /** Current memory items. */
  memory: number
}

/**
 * Reads what space `id` holds from its own database, without opening it as the runtime's space:
 * the list and memory from its stored space document, the message counts from the page directories.
 * A database that does not exist holds nothing (and is not created). Resolves null when the
 * database cannot be read by this build (a newer Keepsake wrote it).
 */
export async function readSpaceStats(id: string): Promise<SpaceStats | null> {
  const name = spaceDbName(id)
  if (!(await Dexie.exists(name))) return { conversations: 0, messages: 0, memory: 0 }
  const db = new SpaceDb(id)
  try {
    await db.open()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, await readDocState(db, SPACE_DOC_ID))
    const entries = readConversations(doc).entries.filter((e) => !isPurged(doc, e.id))
    const counts = await messageCounts(
      db,
      entries.map((e) => e.id),
    )
    const memory = readMemory(doc).items.filter((i) => i.status === 'active').length
    doc.destroy()
    return {
      conversations: entries.filter((e) => e.deletedAt === null).length,
      messages: counts.reduce((n, c) => n + c, 0),
      memory,
    }
  } catch (e) {
    if (e instanceof Dexie.VersionError) return null
    throw e
  } finally {
    db.close()
  }
}
