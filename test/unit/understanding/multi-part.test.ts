import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import type { Corpus } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'

const NOW = new Date(2026, 2, 4, 9, 0)
const questions = (text: string) =>
  analyze(text, NOW).readings.flatMap((r) => (r.type === 'question' ? [r.question] : []))

describe('a question in several parts', () => {
  it('reads each part as its own question', () => {
    expect(questions('where does my uncle live and what does he drive?')).toHaveLength(2)
    expect(questions("what's my gym code, and when's the dentist")).toHaveLength(2)
  })
  it('keeps one question with "and" inside it as one', () => {
    expect(questions('what do I like and dislike?')).toHaveLength(1)
    expect(questions('what did I say about salt and pepper?')).toHaveLength(1)
  })
  it('reads "her", "his" after a named relation as that person', () => {
    const [, second] = questions('where does my aunt live and what is her job?')
    expect(second).toMatchObject({ type: 'lookup', subjects: expect.arrayContaining(['aunt job']) })
  })

  it('answers every part, each once, from memory', async () => {
    const corpus: Corpus = {
      description: 'multi-part questions',
      scenarios: [
        {
          id: 'multi',
          now: '2026-03-04T09:00:00Z',
          turns: [
            { say: 'my aunt Odile lives in Namur', expect: [{ kind: 'fact', words: ['Namur'] }] },
            {
              say: 'the gate code at the allotment is 4471',
              expect: [{ kind: 'fact', words: ['4471'] }],
            },
            { say: 'I drive a 2014 Skoda Fabia', expect: [{ kind: 'fact', words: ['Fabia'] }] },
            {
              ask: "where does my aunt live, and what's the gate code?",
              answer: ['Namur', '4471'],
            },
            { ask: 'what car do I drive and where does my aunt live', answer: ['Fabia', 'Namur'] },
          ],
        },
      ],
    }
    const scores = await evaluate(corpus)
    expect(scores.failures).toEqual([])
  })
})
