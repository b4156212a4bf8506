import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { respondOffline } from '../../../renderer/runtime/agent/offline/respond'
import { readMemory } from '../../../renderer/runtime/memory/memory-doc'
import { toViews } from '../../../renderer/runtime/memory/memory-views'
import type { MemoryItem } from '../../../shared/schema/current'
import type { Result } from '../../../shared/errors'
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings'

const NOW = new Date('2026-05-11T09:00:00Z')

async function say(doc: Y.Doc, text: string): Promise<string> {
  const reply = await respondOffline(
    {
      text,
      now: NOW,
      firstTurn: false,
      change: { now: NOW, actor: 'assistant', source: { conversationId: 'c', messageId: 'm1' } },
    },
    {
      change: async (fn) => {
        let result: Result<MemoryItem> | null = null
        doc.transact(() => {
          result = fn(doc)
        })
        return result!
      },
      memory: async () => toViews(readMemory(doc).items, DEFAULT_SETTINGS.freshness, NOW),
      said: async () => [],
    },
  )
  return reply.text
}

describe('one sentence read two ways', () => {
  it('files its words once and says so once', async () => {
    const doc = new Y.Doc()
    const reply = await say(doc, "I've got bingo Tuesdays and Fridays at the Legion")
    expect(reply.split('\n').filter((l) => l.trim() !== '')).toHaveLength(1)
    expect(reply).not.toContain('I already had that')
    expect(readMemory(doc).items).toHaveLength(1)
  })
})
