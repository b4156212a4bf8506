import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

const answerFailures = async (corpus: ReturnType<typeof scenario>): Promise<string[]> =>
  (await evaluate(corpus)).failures
    .filter((f) => f.problem.startsWith('answer'))
    .map((f) => `${f.turn}: ${f.problem} — ${f.reply}`)

describe('a question about the person is not answered by what someone else said or did', () => {
  it("does not quote a message about him or her as the person's own words", async () => {
    const corpus = scenario('others', [
      { say: 'tom finally went freelance, he works for himself now', expect: [] },
      { ask: 'where do I work?', unknown: true, notAnswer: ['himself'] },
      { say: 'she says she works nights at the Asda in Hulme, poor thing', expect: [] },
      { ask: 'what shift do I work?', unknown: true, notAnswer: ['Asda'] },
    ])
    expect(await answerFailures(corpus)).toEqual([])
  })

  it("still quotes the person's own words that were not filed", async () => {
    const corpus = scenario('mine', [
      { say: 'I drive a lorry for Eddie Stobart, he says I am his best driver', expect: [] },
      { ask: 'who do I drive for?', answer: ['Stobart'] },
    ])
    expect(await answerFailures(corpus)).toEqual([])
  })
})
