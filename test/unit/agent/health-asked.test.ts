import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

const answerFailures = async (corpus: ReturnType<typeof scenario>): Promise<string[]> =>
  (await evaluate(corpus)).failures
    .filter((f) => f.problem.startsWith('answer'))
    .map((f) => `${f.turn}: ${f.problem} — ${f.reply}`)

describe('a question about their own health as a whole', () => {
  it('is answered by their conditions, allergies and medicines, not by others or appointments', async () => {
    const corpus = scenario('health', [
      { say: "I'm type 1 diabetic so I have to watch my carbs", expect: [] },
      { say: 'I have asthma, mostly in winter', expect: [] },
      { say: "I'm allergic to penicillin", expect: [] },
      { say: 'my son Alfie has a dentist appointment on the 19th', expect: [] },
      { say: 'my mum is on warfarin', expect: [] },
      {
        ask: 'do I have any health conditions?',
        answer: ['diabetic', 'asthma', 'penicillin'],
        notAnswer: ['dentist', 'warfarin'],
      },
      { ask: 'any medical conditions I mentioned', answer: ['asthma'], notAnswer: ['Alfie'] },
      { ask: 'what do you know about my health?', answer: ['diabetic'], notAnswer: ['warfarin'] },
      { ask: 'am I diabetic?', answer: ['diabetic'] },
    ])
    expect(await answerFailures(corpus)).toEqual([])
  })

  it('says it does not know when memory holds nothing of it', async () => {
    const corpus = scenario('no health', [
      { say: 'I work at the vets in Leeds', expect: [] },
      { ask: 'do I have any health conditions?', unknown: true },
    ])
    expect(await answerFailures(corpus)).toEqual([])
  })
})
