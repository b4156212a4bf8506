import { describe, expect, it } from 'vitest'
import type { Corpus, Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario } from '../../support/understanding/one-scenario'

// Wednesday 6 May 2026, 09:00.
const scenario = (id: string, turns: Turn[]): Corpus =>
  oneScenario(id, turns, '2026-05-06T09:00:00Z')

describe('a bare correction of when moves the due date with the words', () => {
  it('"make that Wednesday" after "next Tuesday" is the Wednesday of that week, in the text and the due date', async () => {
    const corpus = scenario('weekday', [
      {
        say: 'remind me to book the vet for Biscuit next Tuesday',
        expect: [{ kind: 'task', words: ['vet'], due: '2026-05-12' }],
      },
      {
        say: 'actually make that Wednesday',
        expect: [
          {
            kind: 'task',
            words: ['vet', 'Wednesday', 'May 13'],
            action: 'supersede',
            replaces: ['Tuesday', 'May 12'],
            due: '2026-05-13',
          },
        ],
      },
      { ask: "what's due next week?", answer: ['vet', 'Wednesday, May 13'], notAnswer: ['May 12'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"the 22nd" after "by the 20th", and "tomorrow" read from the message, keep the item dated', async () => {
    const corpus = scenario('ordinal', [
      {
        say: 'I need to send the grant report by the 20th',
        expect: [{ kind: 'task', words: ['grant report'], due: '2026-05-20' }],
      },
      {
        say: 'sorry, the 22nd',
        expect: [
          { kind: 'task', words: ['grant report', '22nd'], action: 'supersede', due: '2026-05-22' },
        ],
      },
      {
        say: 'need to ring the bank by Friday',
        expect: [{ kind: 'task', words: ['bank'], due: '2026-05-08' }],
      },
      {
        say: 'make that tomorrow',
        expect: [
          {
            kind: 'task',
            words: ['bank', 'Thursday, May 7'],
            action: 'supersede',
            replaces: ['Friday'],
            due: '2026-05-07',
          },
        ],
      },
      { ask: "what's due this week?", answer: ['bank', 'Thursday, May 7'], notAnswer: ['grant'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('a new time keeps the day; a new day keeps the time as it was said', async () => {
    const corpus = scenario('time', [
      {
        say: 'dentist appointment on Thursday at 10am',
        expect: [{ kind: 'fact', words: ['dentist', 'Thursday'] }],
      },
      {
        say: 'no wait, make it 3pm',
        expect: [{ kind: 'fact', words: ['dentist', 'May 7', '3pm'], action: 'supersede' }],
      },
      {
        say: "actually it's Friday",
        expect: [
          {
            kind: 'fact',
            words: ['dentist', 'Friday, May 8 at 3pm'],
            action: 'supersede',
            replaces: ['Thursday'],
          },
        ],
      },
      { ask: "when's the dentist?", answer: ['Friday', 'May 8', '3pm'], notAnswer: ['Thursday'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})
