import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'
import { openAfter } from '../../support/understanding/say-in-turn'

describe('a thing booked for later', () => {
  it('moves a task to do it along, does not mark it done, and keeps the day', async () => {
    const corpus = scenario('mot', [
      {
        say: 'need to get the MOT done before the 20th',
        expect: [{ kind: 'task', words: ['MOT'], due: '2026-05-20' }],
      },
      {
        say: 'ok the MOT is booked for Thursday',
        expect: [
          { kind: 'task', words: ['MOT'], action: 'update', status: 'in_progress' },
          { kind: 'fact', words: ['MOT', 'booked'] },
        ],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('is the task done when the task was to book it, and keeps the day', async () => {
    const corpus = scenario('dentist', [
      { say: 'I need to book the dentist', expect: [{ kind: 'task', words: ['dentist'] }] },
      {
        say: 'booked the dentist for Tuesday',
        expect: [
          { kind: 'task', words: ['dentist'], action: 'update', status: 'done' },
          { kind: 'fact', words: ['dentist', 'booked'] },
        ],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('is a line for the diary, never a task, with nothing open about it', async () => {
    const corpus = scenario('confocal', [
      {
        say: 'Booked the confocal for Saturday night, nobody wants that slot haha',
        expect: [{ kind: 'fact', words: ['confocal', 'booked'] }],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})

describe('a thing ordered on what the task set up', () => {
  it('is the task done: "on it" is where, not when', async () => {
    const items = await openAfter([
      'I need to set up the NHS app before my repeat prescription runs out',
      'the NHS app is working now, ordered my tablets on it',
    ])
    expect(items.map((i) => i.open)).toEqual([false])
  })
})
