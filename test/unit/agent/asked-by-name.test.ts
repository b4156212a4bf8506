import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

const answerFailures = async (corpus: ReturnType<typeof scenario>): Promise<string[]> =>
  (await evaluate(corpus)).failures
    .filter((f) => f.problem.startsWith('answer'))
    .map((f) => `${f.turn}: ${f.problem} — ${f.reply}`)

describe('a when or where question about someone named', () => {
  it('is answered by the one item about them that says a day or a place, in other words', async () => {
    const corpus = scenario('oliver', [
      {
        say: 'my nephew Oliver is coming to stay on the 14th',
        expect: [{ kind: 'fact', words: ['Oliver'] }],
      },
      { say: 'I work at the Co-op in Hexham', expect: [{ kind: 'fact', words: ['Co-op'] }] },
      { ask: 'when is Oliver visiting?', answer: ['14'] },
      // Someone no item names is still not known.
      { ask: 'when is Priya visiting?', unknown: true },
    ])
    expect(await answerFailures(corpus)).toEqual([])
  })
})
