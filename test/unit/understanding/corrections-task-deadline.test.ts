import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

describe('a new date for something filed as a task', () => {
  it('"the MOT garage moved my car booking to the 24th" days later changes the task\'s date', async () => {
    const corpus = scenario('mot', [
      {
        say: 'I have to take the car in for its MOT on the 20th',
        expect: [{ kind: 'task', words: ['MOT'] }],
      },
      {
        say: 'the MOT garage moved my car booking to the 24th',
        at: '2026-05-07T18:00:00Z',
        // The errand with its new day is still to do: it stays a task.
        expect: [{ kind: 'task', words: ['24th'], action: 'supersede', replaces: ['20th'] }],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('a date that names the task by one word only leaves its deadline alone', async () => {
    const corpus = scenario('one-word', [
      {
        say: 'I have to take the car in for its MOT on the 20th',
        expect: [{ kind: 'task', words: ['MOT'] }],
      },
      {
        say: 'my car insurance renews on the 24th',
        at: '2026-05-07T18:00:00Z',
        expect: [{ kind: 'fact', words: ['24th'] }],
      },
    ])
    const s = await evaluate(corpus)
    expect(s.failures.filter((f) => f.problem.includes('correction left'))).toEqual([])
    expect(s.failures.map((f) => f.reply).join(' ')).not.toMatch(/\bwas\b.*MOT/u)
  })
})
