import { describe, expect, it } from 'vitest'
import type { Corpus } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'

const one = (id: string, turns: Corpus['scenarios'][number]['turns']): Corpus => ({
  description: id,
  scenarios: [{ id, now: '2026-05-04T09:00:00Z', turns }],
})

describe('changes told as news', () => {
  it('a new value said with trouble or an errand stays the fact it was ("got pushed to Friday, the truck broke down")', async () => {
    const corpus = one('kept-kind', [
      {
        say: 'the delivery of the new kitchen is Wednesday',
        expect: [{ kind: 'fact', words: ['Wednesday'] }],
      },
      {
        say: 'Delivery got pushed to Friday, their truck broke down',
        expect: [
          { kind: 'fact', words: ['Friday'], action: 'supersede', replaces: ['Wednesday'] },
        ],
      },
      { ask: 'when is the kitchen delivery?', answer: ['Friday'], notAnswer: ['Wednesday'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})
