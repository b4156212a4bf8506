import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

describe('a thing booked for later', () => {
  it('moves a task to do it along, and does not mark it done', async () => {
    const corpus = scenario('mot', [
      {
        say: 'need to get the MOT done before the 20th',
        expect: [{ kind: 'task', words: ['MOT'], due: '2026-05-20' }],
      },
      {
        say: 'ok the MOT is booked for Thursday',
        expect: [{ kind: 'task', words: ['MOT'], action: 'update', status: 'in_progress' }],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('is the task done when the task was to book it', async () => {
    const corpus = scenario('dentist', [
      { say: 'I need to book the dentist', expect: [{ kind: 'task', words: ['dentist'] }] },
      {
        say: 'booked the dentist for Tuesday',
        expect: [{ kind: 'task', words: ['dentist'], action: 'update', status: 'done' }],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})
