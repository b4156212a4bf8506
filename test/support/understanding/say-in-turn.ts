import * as Y from 'yjs'
import type { MemoryItem } from '../../../shared/schema/current'
import { respondOffline } from '../../../renderer/runtime/agent/offline/respond'
import { readMemory } from '../../../renderer/runtime/memory/memory-doc'
import { docTools } from './evaluate'

/**
 * Says each message to the offline assistant in turn, two minutes apart from 09:00 on 18 May 2026,
 * over one fresh memory document; returns the memory items it then holds.
 */
export async function sayInTurn(messages: readonly string[]): Promise<MemoryItem[]> {
  const doc = new Y.Doc()
  let clock = Date.parse('2026-05-18T09:00:00Z')
  for (const text of messages) {
    const now = new Date((clock += 120_000))
    await respondOffline(
      {
        text,
        now,
        firstTurn: false,
        change: { now, actor: 'assistant', source: { conversationId: 'c', messageId: `${clock}` } },
      },
      docTools(doc, now, async () => []),
    )
  }
  return readMemory(doc).items
}

/** Says each message in turn (`sayInTurn`); returns the problems and tasks and whether each is open. */
export async function openAfter(
  messages: readonly string[],
): Promise<{ text: string; open: boolean }[]> {
  return (await sayInTurn(messages))
    .filter((i) => i.kind === 'issue' || i.kind === 'task')
    .map((i) => ({
      text: i.text,
      open: i.kind === 'issue' ? i.resolvedAt === null : i.taskStatus !== 'done',
    }))
}
