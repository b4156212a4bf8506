import { describe, expect, it } from 'vitest'
import { assemblePrompt, type PromptSources } from '../../../renderer/runtime/agent/prompt'
import { messageTokens } from '../../../renderer/runtime/agent/tokens'
import type { Message } from '../../../shared/schema/current'
import type { MemoryItemView } from '../../../shared/contract/models'
import { ok } from '../../../shared/errors'

const at = (i: number): string => new Date(Date.UTC(2026, 3, 1) + i * 60_000).toISOString()

function conversation(n: number): Message[] {
  return Array.from({ length: n }, (_, i) => ({
    schemaVersion: 2 as const,
    id: `m${i}`,
    role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
    text: `Message ${i} about the RAG pipeline evaluation and hybrid search recall numbers.`,
    createdAt: at(i),
    deviceId: 'd',
    speaker: null,
    replyTo: null,
    error: null,
  }))
}

const item = (id: string, text: string, stale = false): MemoryItemView => ({
  item: {
    schemaVersion: 2,
    id,
    kind: 'fact',
    text,
    category: 'general',
    createdAt: at(0),
    confirmedAt: at(0),
    source: null,
    validFrom: at(0),
    validTo: null,
    status: 'active',
    supersedes: null,
    supersededBy: null,
    retractedAt: null,
    retractedBy: null,
  },
  freshness: stale ? 'needs-reverify' : 'fresh',
  staleAt: at(10),
})

/** What a selective prompt holds, in order, when every part has something to say. */
const SELECTIVE_SECTIONS = ['instructions', 'state', 'unverified', 'retrieved', 'recent', 'message']

function sources(
  history: Message[],
  strategy: PromptSources['strategy'],
  budget: number,
): PromptSources {
  const current = history.at(-1)!
  const before = history.slice(0, -1)
  return {
    strategy,
    budget,
    now: new Date(at(history.length)),
    memory: [
      item('f1', 'I prefer pgvector over Pinecone'),
      item('f2', 'My timezone is America/New_York', true),
    ],
    current,
    loadRecent: async (n) => ok(before.slice(-n)),
    retrieve: async () => [
      {
        id: 'm3',
        kind: 'message',
        score: 3.2,
        text: 'Message 3 about recall',
        conversationId: 'c',
        createdAt: at(3),
      },
    ],
  }
}

describe('restore strategies within a budget', () => {
  for (const size of [500, 50_000]) {
    it(`full includes every message at ${size} messages when it fits, and refuses when it does not`, async () => {
      const history = conversation(size)
      const all = history.slice(0, -1).reduce((s, m) => s + messageTokens(m.text), 0)
      const roomy = await assemblePrompt(sources(history, 'full', all + 10_000))
      expect(roomy.ok && roomy.value.messages.length).toBe(size)
      const tight = await assemblePrompt(sources(history, 'full', 8_192 - 1_024))
      expect(tight.ok).toBe(false)
      if (!tight.ok) {
        expect(tight.error.code).toBe('context-overflow')
        expect(tight.error.message).toMatch(/more than this model's budget/)
      }
    })

    it(`log keeps the newest messages that fit at ${size} messages`, async () => {
      const history = conversation(size)
      const r = await assemblePrompt(sources(history, 'log', 4_000))
      expect(r.ok).toBe(true)
      if (!r.ok) return
      expect(r.value.total).toBeLessThanOrEqual(4_000)
      expect(r.value.messages.at(-1)?.text).toBe(history.at(-1)?.text)
      expect(r.value.messages.at(-2)?.text).toBe(history.at(-2)?.text)
    })

    it(`selective holds state, unverified items, retrieval and a recent window at ${size} messages`, async () => {
      const history = conversation(size)
      const r = await assemblePrompt(sources(history, 'selective', 7_168))
      expect(r.ok).toBe(true)
      if (!r.ok) return
      const names = r.value.sections.map((s) => s.name)
      expect(names).toEqual(SELECTIVE_SECTIONS)
      expect(r.value.system).toContain('I prefer pgvector over Pinecone')
      expect(r.value.system).toContain('Unverified — confirm before acting')
      expect(r.value.system).toContain('My timezone is America/New_York')
      expect(r.value.total).toBeLessThanOrEqual(7_168)
      expect(r.value.total).toBe(r.value.sections.reduce((s, x) => s + x.tokens, 0))
      expect(r.value.messages.length).toBeLessThanOrEqual(21)
    })
  }

  it('selective is a small fraction of full for the article’s 500-message example', async () => {
    const history = conversation(500)
    const full = await assemblePrompt(sources(history, 'full', 1_000_000))
    const selective = await assemblePrompt(sources(history, 'selective', 200_000 - 4_096))
    expect(full.ok && selective.ok).toBe(true)
    if (full.ok && selective.ok) expect(selective.value.total * 5).toBeLessThan(full.value.total)
  })

  it('selective keeps a state section within the budget when the space holds 10,000 facts', async () => {
    const history = conversation(500)
    const facts = Array.from({ length: 10_000 }, (_, i) =>
      item(`x${i}`, `Fact ${i}: the staging cluster uses node pool ${i % 97}`),
    )
    const src = sources(history, 'selective', 8_192 - 1_024)
    const given = src.memory as readonly MemoryItemView[]
    const r = await assemblePrompt({ ...src, memory: [...given, ...facts] })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.sections.map((s) => s.name)).toEqual(SELECTIVE_SECTIONS)
    expect(r.value.system).toContain('not listed here; use search_memory to look them up')
    expect(r.value.total).toBeLessThanOrEqual(8_192 - 1_024)
  })

  it('full refuses a history far over the budget after reading only its newest part', async () => {
    const history = conversation(50_000)
    const src = sources(history, 'full', 8_192 - 1_024)
    const reads: number[] = []
    const r = await assemblePrompt({
      ...src,
      loadRecent: async (n) => {
        reads.push(n)
        return src.loadRecent(n)
      },
    })
    expect(!r.ok && r.error.code).toBe('context-overflow')
    expect(!r.ok && r.error.message).toMatch(/is more than \d+ tokens/)
    expect(reads).toEqual([1000])
  })

  it('full reads the whole history when it fits, at every window boundary', async () => {
    for (const size of [999, 1000, 1001, 4001]) {
      const history = conversation(size + 1)
      const r = await assemblePrompt(sources(history, 'full', 1_000_000))
      expect(r.ok && r.value.messages.map((m) => m.text)).toEqual(history.map((m) => m.text))
    }
  })
})
