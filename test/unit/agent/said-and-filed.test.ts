import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

const answerFailures = async (corpus: ReturnType<typeof scenario>): Promise<string[]> =>
  (await evaluate(corpus)).failures
    .filter((f) => f.problem.startsWith('answer'))
    .map((f) => `${f.turn}: ${f.problem} — ${f.reply}`)

describe('an answer quoted from what they said', () => {
  it('does not call a message unfiled when memory filed something from it', async () => {
    const corpus = scenario('filed', [
      { say: 'we have two kids, Aoife and Cian', expect: [] },
      { ask: 'what are my kids called', answer: ['Aoife', 'Cian'], notAnswer: ["isn't filed"] },
    ])
    expect(await answerFailures(corpus)).toEqual([])
  })
})
