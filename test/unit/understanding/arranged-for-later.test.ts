import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

describe('something arranged for a day still ahead, with no task waiting for it', () => {
  it('is kept as a fact of its own', async () => {
    const corpus = scenario('deposition', [
      {
        say: 'The deposition of their expert is scheduled for Thursday at 10am',
        expect: [{ kind: 'fact', words: ['deposition', 'Thursday'] }],
      },
      {
        say: 'MOT booked for the 16th at Kwik Fit',
        expect: [{ kind: 'fact', words: ['MOT', 'Kwik Fit'] }],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('still closes the task that was waiting for it, and keeps the day it set up', async () => {
    const corpus = scenario('physio', [
      { say: 'I need to book a physio appointment', expect: [{ kind: 'task', words: ['physio'] }] },
      {
        say: 'booked the physio for Friday',
        expect: [
          { kind: 'task', words: ['physio'], action: 'update', status: 'done' },
          { kind: 'fact', words: ['physio', 'booked'] },
        ],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('is not routine work done on a day that is named', async () => {
    const corpus = scenario('invoice', [
      { say: 'sent the invoice on Monday', expect: [] },
      { say: 'I emailed the landlord on Friday', expect: [] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})
