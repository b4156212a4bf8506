import type { Result } from '../../../shared/errors'
import { SpaceDb } from '../../../renderer/runtime/db/space-db'
import { Space, type SpaceListener } from '../../../renderer/runtime/space/space'

/** A listener for bench spaces: nobody is watching, storage failures are loud. */
export const quietListener = (onMessages?: SpaceListener['messagesAppended']): SpaceListener => ({
  memoryChanged: () => undefined,
  conversationsChanged: () => undefined,
  messagesAppended: onMessages ?? (() => undefined),
  messagesRemoved: () => undefined,
  nameChanged: () => undefined,
  storageFailed: (message) => console.error('bench storage:', message),
})

/** Opens (or creates) a space database with the runtime's own `Space.open`. */
export async function openSpace(
  spaceId: string,
  durability: 'strict' | 'relaxed' = 'strict',
  listener: SpaceListener = quietListener(),
): Promise<Result<Space>> {
  return Space.open(new SpaceDb(spaceId, durability), spaceId, 'Bench space', listener)
}

/** Unwraps a result in bench code, where a failure means the measurement is meaningless. */
export function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code}: ${result.error.message}`)
  return result.value
}

/** The space's conversation with the most messages (the bench puts its history in one). */
export async function biggestConversation(
  space: Space,
): Promise<{ id: string; count: number } | null> {
  const summaries = await space.summaries()
  const best = summaries.reduce<(typeof summaries)[number] | null>(
    (top, s) => (top === null || s.messageCount > top.messageCount ? s : top),
    null,
  )
  return best ? { id: best.id, count: best.messageCount } : null
}
