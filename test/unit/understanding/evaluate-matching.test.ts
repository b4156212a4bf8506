import { describe, expect, it } from 'vitest'
import type { Corpus } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'

describe('the corpus score pairs expectations with stored items', () => {
  it('does not depend on the order the expectations are listed in', async () => {
    // "My husband Tomasz and I are flying to Gdansk" holds both names; "my husband is Tomasz" only
    // one. Listed name-first, a first-fit pairing gave the trip to the name and missed the trip.
    const corpus = (first: string[], second: string[]): Corpus => ({
      description: 'pairing',
      scenarios: [
        {
          id: 'pairing',
          now: '2026-03-04T09:00:00Z',
          turns: [
            {
              say: 'me and my husband Tomasz are flying to Gdansk on the 9th',
              expect: [
                { kind: 'fact', words: first },
                { kind: 'fact', words: second },
              ],
            },
          ],
        },
      ],
    })
    expect((await evaluate(corpus(['Tomasz'], ['Gdansk']))).failures).toEqual([])
    expect((await evaluate(corpus(['Gdansk'], ['Tomasz']))).failures).toEqual([])
  })
})
