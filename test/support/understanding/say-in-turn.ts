import * as Y from 'yjs'
import type { MemoryItem } from '../../../shared/schema/current'
import { itemExtras } from '../../../shared/schema/item-extras'
import { respondOffline } from '../../../renderer/runtime/agent/offline/respond'
import { readMemory } from '../../../renderer/runtime/memory/memory-doc'
import { docTools } from './evaluate'

/**
 * Says each message to the offline assistant in turn, two minutes apart from `start`, over one fresh
 * memory document; returns the memory items it then holds and each reply.
 */
export async function converse(
  messages: readonly string[],
  start = '2026-05-18T09:00:00Z',
): Promise<{ items: MemoryItem[]; replies: string[] }> {
  const doc = new Y.Doc()
  let clock = Date.parse(start)
  const replies: string[] = []
  for (const text of messages) {
    const now = new Date((clock += 120_000))
    const reply = await respondOffline(
      {
        text,
        now,
        firstTurn: false,
        change: { now, actor: 'assistant', source: { conversationId: 'c', messageId: `${clock}` } },
      },
      docTools(doc, now, async () => []),
    )
    replies.push(reply.text)
  }
  return { items: readMemory(doc).items, replies }
}

/** Says each message in turn from 09:00 on 18 May 2026 (`converse`); returns the memory items. */
export async function sayInTurn(messages: readonly string[]): Promise<MemoryItem[]> {
  return (await converse(messages)).items
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

/** Says each message in turn (`sayInTurn`); returns the problems, whether each is open, and the note on it. */
export async function problemsAfter(
  messages: readonly string[],
): Promise<{ text: string; open: boolean; note: string | null }[]> {
  return (await sayInTurn(messages))
    .filter((i) => i.kind === 'issue')
    .map((i) => ({
      text: i.text,
      open: i.kind === 'issue' && i.resolvedAt === null,
      note: itemExtras(i).extras.blockedBy ?? null,
    }))
}

/** Says each message in turn (`sayInTurn`); returns the texts of the items then current. */
export async function currentAfter(messages: readonly string[]): Promise<string[]> {
  return (await sayInTurn(messages)).filter((i) => i.status === 'active').map((i) => i.text)
}

/** Says each message in turn (`sayInTurn`); returns each task and problem as kind, status and text. */
export async function workAfter(messages: readonly string[]): Promise<string[]> {
  return (await sayInTurn(messages)).flatMap((i) =>
    i.kind === 'task'
      ? [`task ${i.taskStatus}: ${i.text}`]
      : i.kind === 'issue'
        ? [`issue: ${i.text}`]
        : [],
  )
}
