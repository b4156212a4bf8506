import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

const answerFailures = async (corpus: ReturnType<typeof scenario>): Promise<string[]> =>
  (await evaluate(corpus)).failures
    .filter((f) => f.problem.startsWith('answer'))
    .map((f) => `${f.turn}: ${f.problem} — ${f.reply}`)

describe('"what are my hobbies?" is answered by what they like doing', () => {
  it('lists likes and what they play, not dislikes, requests or other people', async () => {
    const corpus = scenario('hobbies', [
      { say: 'I love hiking and photography, hate football', expect: [] },
      { say: "I'm really into sourdough baking these days", expect: [] },
      { say: 'I play the fiddle in a trad session on Thursdays', expect: [] },
      { say: "I'd like you to keep answers short", expect: [] },
      { say: 'my son Leo loves Lego', expect: [] },
      {
        ask: 'what are my hobbies?',
        answer: ['hiking', 'sourdough', 'fiddle'],
        notAnswer: ['football', 'short', 'Lego'],
      },
      { ask: 'what do I do for fun', answer: ['photography'], notAnswer: ['Lego'] },
      { ask: 'what do I get up to in my spare time?', answer: ['fiddle'] },
      { ask: 'does my son have any hobbies?', answer: ['Lego'], notAnswer: ['hiking'] },
    ])
    expect(await answerFailures(corpus)).toEqual([])
  })

  it('says it does not know when nothing they like is held', async () => {
    const corpus = scenario('no hobbies', [
      { say: 'I work at the bank in Leeds', expect: [] },
      { ask: 'what are my hobbies?', unknown: true },
    ])
    expect(await answerFailures(corpus)).toEqual([])
  })
})
