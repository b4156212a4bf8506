import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'
import { promotion } from '../../../renderer/runtime/understanding/promotion'
import { changedValue } from '../../../renderer/runtime/understanding/value-change'

describe('a promotion told as news', () => {
  it('"promoted!! head chef now" replaces the old role and keeps where it is held', async () => {
    const corpus = scenario('promoted', [
      { say: "I'm a sous chef at Dishoom", expect: [{ kind: 'fact', words: ['sous chef'] }] },
      { say: 'long week', expect: [] },
      {
        say: 'promoted!! head chef now 🎉',
        at: '2026-06-04T09:00:00Z',
        expect: [
          {
            kind: 'fact',
            words: ['head chef', 'Dishoom'],
            action: 'supersede',
            replaces: ['sous chef'],
          },
        ],
      },
      { ask: "what's my job?", answer: ['head chef'], notAnswer: ['sous'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"got promoted to senior developer!" is a new role, not a task done', () => {
    expect(promotion('got promoted to senior developer', null)).toMatchObject({
      kind: 'fact',
      subject: 'job',
      value: 'senior developer',
      correction: true,
    })
  })

  it("someone else's promotion, or one to no job, is not the speaker's role", () => {
    expect(promotion('my buddy Marcus just got promoted to VP, wild', null)).toBeNull()
    expect(promotion('promoted to the top of the waiting list', null)).toBeNull()
    expect(promotion('head chef now', 'I made dinner')).toBeNull()
  })
})

describe('a change said, then what it is now', () => {
  it('"mum changed her number, it\'s 07700 900789 now" gives the new number', () => {
    expect(changedValue("mum changed her number, it's 07700 900789 now")).toBe('07700 900789')
    expect(changedValue('they changed the menu, it is lovely now')).toBeNull()
  })
})
