import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'
import { formValues } from '../../../renderer/runtime/understanding/value-forms'

describe('a new value told with "now"', () => {
  it('"wifi is through Sky now" replaces the provider said before, by the one noun they share', async () => {
    const corpus = scenario('wifi', [
      { say: 'Our wifi provider is BT', expect: [{ kind: 'fact', words: ['BT'] }] },
      { say: 'ok cool', expect: [] },
      {
        say: 'wifi is through Sky now',
        at: '2026-05-20T10:00:00Z',
        expect: [{ kind: 'fact', words: ['Sky'], action: 'supersede', replaces: ['BT'] }],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('a name shared with "now" ("my contact at Harlow is Dev now") does not retire what the name is', async () => {
    const corpus = scenario('client', [
      {
        say: 'Our biggest client is Harlow Foods, a bakery chain',
        expect: [{ kind: 'fact', words: ['Harlow'] }],
      },
      { say: 'ok cool', expect: [] },
      {
        say: 'my contact at Harlow is Dev now',
        at: '2026-05-20T10:00:00Z',
        expect: [{ kind: 'fact', words: ['Dev'] }],
      },
      { ask: 'who is our biggest client?', answer: ['Harlow'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"now" inside a sentence ("we now eat in the kitchen") does not retire another kitchen fact', async () => {
    const corpus = scenario('kitchen', [
      {
        say: 'I keep the passports in the kitchen drawer',
        expect: [{ kind: 'fact', words: ['passports'] }],
      },
      { say: 'ok cool', expect: [] },
      {
        say: 'we now eat in the kitchen most nights',
        at: '2026-05-20T10:00:00Z',
        expect: [{ kind: 'fact', words: ['eat'] }],
      },
      { ask: 'where are the passports?', answer: ['kitchen drawer'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})

describe('hours from one to another', () => {
  it('reads a shift as one time value, and a count of days as none', () => {
    expect(formValues('My shift is 6 to 2, Sundays off')[0]).toEqual({
      form: 'time',
      text: '6 to 2',
      unit: 'hours',
    })
    expect(formValues('open 9am-5pm weekdays')[0]?.text).toBe('9am-5pm')
    expect(formValues('it takes 3-5 days').some((v) => v.form === 'time')).toBe(false)
    expect(formValues('2 to 3 times a week').some((v) => v.form === 'time')).toBe(false)
  })

  it('"new rota, I do 2 to 10 now" replaces the one shift said before, keeping what it was', async () => {
    const corpus = scenario('shift', [
      { say: 'My shift is 6 to 2, Sundays off', expect: [{ kind: 'fact', words: ['shift'] }] },
      { say: 'long day today', expect: [] },
      {
        say: 'new rota, I do 2 to 10 now',
        at: '2026-05-20T10:00:00Z',
        expect: [{ kind: 'fact', words: ['2 to 10'], action: 'supersede', replaces: ['6 to 2'] }],
      },
      { ask: 'what is my shift?', answer: ['2 to 10'], notAnswer: ['6 to 2'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})
