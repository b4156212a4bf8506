import * as Y from 'yjs'
import type { Space } from '../../../renderer/runtime/space/space'
import { claimConversationMeta, messagesOf, segmentDocId } from '../../../shared/docs'
import type { Message } from '../../../shared/schema/current'

/**
 * Writes `messages` into segment `n` of a conversation the way another device's update arrives by
 * sync (`syncDoc`, then `receiveSynced`): the segment document's meta, then the messages.
 */
export async function receiveSegment(
  space: Space,
  conversationId: string,
  n: number,
  messages: readonly Message[],
): Promise<void> {
  const doc = await space.syncDoc(segmentDocId(conversationId, n))
  if (!doc.ok) throw new Error(doc.error.message)
  const remote = new Y.Doc()
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc.value))
  const before = Y.encodeStateVector(remote)
  remote.transact(() => {
    claimConversationMeta(
      remote,
      conversationId,
      messages[0]?.createdAt ?? '2026-05-01T00:00:00.000Z',
    )
    messagesOf(remote).push([...messages])
  })
  space.receiveSynced(doc.value, Y.encodeStateAsUpdate(remote, before), 'another-device')
  remote.destroy()
}
