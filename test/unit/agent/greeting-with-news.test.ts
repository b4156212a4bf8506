import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { Result } from '../../../shared/errors'
import type { MemoryItem } from '../../../shared/schema/current'
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings'
import { respondOffline } from '../../../renderer/runtime/agent/offline/respond'
import { readMemory } from '../../../renderer/runtime/memory/memory-doc'
import { toViews } from '../../../renderer/runtime/memory/memory-views'

const now = new Date('2026-03-04T09:00:00Z')

async function reply(text: string): Promise<string> {
  const doc = new Y.Doc()
  const answer = await respondOffline(
    { text, now, earlier: [], firstTurn: false, change: { now, actor: 'assistant', source: null } },
    {
      change: async (fn) => {
        let result: Result<MemoryItem> | null = null
        doc.transact(() => {
          result = fn(doc)
        })
        return result!
      },
      memory: async () => toViews(readMemory(doc).items, DEFAULT_SETTINGS.freshness, now),
      said: async () => [],
    },
  )
  return answer.text
}

describe('a greeting', () => {
  it('on its own gets the welcome that says what the assistant does', async () => {
    expect(await reply('hi there')).toContain('Tell me about yourself')
  })
  it('with something to remember is a short hello before what was noted', async () => {
    const text = await reply('hi! I get migraines about twice a month')
    expect(text).not.toContain('Tell me about yourself')
    expect(text).toMatch(/^Hi!\n\nNoted: you get migraines/u)
  })
})
