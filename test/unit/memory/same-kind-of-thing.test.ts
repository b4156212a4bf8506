import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

describe('a change to a well-known thing replaces the one of the same kind', () => {
  it.each([
    {
      name: 'a switch said without the old value',
      kinds: ['preference', 'preference', 'preference'],
      old: 'we use pgvector for the embeddings store',
      was: 'pgvector',
      other: 'I write everything in VS Code',
      change: 'actually I switched to Qdrant',
      now: 'Qdrant',
      ask: 'what do we use for the embeddings?',
    },
    {
      name: 'a switch with the reason after a comma',
      kinds: ['preference', 'fact', 'preference'],
      old: 'we use pgvector for the embeddings store',
      was: 'pgvector',
      other: 'we use Jira for tickets',
      change: 'actually I switched to Qdrant, pgvector was too slow',
      now: 'Qdrant',
      ask: 'what do we use for the embeddings?',
      // The answer quotes why ("pgvector was too slow"); the old item is retired all the same.
      quotesOld: true,
    },
    {
      name: 'a new bank',
      kinds: ['fact', 'fact', 'preference'],
      old: 'I bank with Barclays',
      was: 'Barclays',
      other: 'I use Spotify for music',
      change: 'switched to Monzo last month',
      now: 'Monzo',
      ask: 'who do I bank with?',
    },
    {
      name: 'a new phone told as news',
      kinds: ['fact', 'fact', 'fact'],
      old: 'my phone is an iPhone 12',
      was: 'iPhone',
      other: 'I use Spotify',
      change: 'got a Pixel 8 now',
      now: 'Pixel',
      ask: 'what phone have I got?',
    },
    {
      name: 'a move of tools',
      kinds: ['fact', 'fact', 'fact'],
      old: 'we use Jira for tickets',
      was: 'Jira',
      other: 'we use Postgres',
      change: 'actually we moved to Linear',
      now: 'Linear',
      ask: 'what do we use for tickets?',
    },
  ] as const)('$name', async (c) => {
    const { kinds, old, was, other, change, now, ask } = c
    const quotesOld = 'quotesOld' in c && c.quotesOld
    const corpus = scenario('switch', [
      { say: old, expect: [{ kind: kinds[0], words: [was] }] },
      { say: other, expect: [{ kind: kinds[1], words: [other.split(' ').at(-1)!] }] },
      {
        say: change,
        at: '2026-06-04T09:00:00Z',
        expect: [{ kind: kinds[2], words: [now], action: 'supersede', replaces: [was] }],
      },
      { ask, answer: [now], notAnswer: quotesOld ? [] : [was] },
    ])
    expect((await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)).toEqual([])
  })

  it('never retires a thing of another kind', async () => {
    const corpus = scenario('other-kind', [
      { say: 'I switched to Monzo', expect: [{ kind: 'preference', words: ['Monzo'] }] },
      {
        say: 'I switched to Qdrant a few weeks ago',
        at: '2026-06-04T09:00:00Z',
        expect: [{ kind: 'preference', words: ['Qdrant'] }],
      },
      { ask: 'who do I bank with?', answer: ['Monzo'] },
    ])
    expect((await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)).toEqual([])
  })
})
