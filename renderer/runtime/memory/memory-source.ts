import { err, ok, type Result } from '../../../shared/errors'
import type { MemorySource } from '../../../shared/contract/memory-extra-requests'
import type { Space } from '../space/space'

/**
 * The message a memory item came from, located in its conversation. An item without a source of its
 * own (a correction typed in the Memory panel) points to the source of the version it replaced.
 * Items migrated from v1 know only the message id; the conversation is found from the read model.
 */
export async function sourceOf(space: Space, id: string): Promise<Result<MemorySource>> {
  const chain = await space.memoryHistory(id)
  if (chain.length === 0) return err('not-found', 'That memory item no longer exists.')
  const own = chain.find((item) => item.id === id)?.source
  const source = own ?? chain.find((item) => item.source !== null)?.source
  if (!source)
    return err('not-found', 'This was entered in the Memory panel, so no message is its source.')
  const located = await space.locateMessage(source.messageId)
  if (!located) {
    return err(
      'not-found',
      'The message this came from is not on this device. It may not have synced yet, or its conversation was not imported.',
    )
  }
  return ok(located)
}
