import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

describe('corrections that give only the new value', () => {
  it('"no wait, the 12th" corrects the date said before, not the town said after it', async () => {
    const corpus = scenario('date', [
      {
        say: 'My dentist appointment is on the 10th at 3pm',
        expect: [{ kind: 'fact', words: ['dentist'] }],
      },
      { say: 'I live in Sheffield', expect: [{ kind: 'fact', words: ['Sheffield'] }] },
      {
        say: 'no wait, the 12th',
        expect: [{ kind: 'fact', words: ['12th'], action: 'supersede', replaces: ['10th'] }],
      },
      { ask: 'where do I live?', answer: ['Sheffield'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"scratch that, it\'s Leeds" puts the place in place of the place', async () => {
    const corpus = scenario('place', [
      {
        say: 'The conference is in Manchester this year',
        expect: [{ kind: 'fact', words: ['Manchester'] }],
      },
      {
        say: "scratch that, it's Leeds",
        expect: [{ kind: 'fact', words: ['Leeds'], action: 'supersede', replaces: ['Manchester'] }],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"saw the GP, she upped it to 80mg" a month later changes the one dose in mg', async () => {
    const corpus = scenario('dose', [
      { say: 'My mum takes 40mg of propranolol', expect: [{ kind: 'fact', words: ['40mg'] }] },
      { say: 'I play tennis on Sundays', expect: [{ kind: 'fact', words: ['tennis'] }] },
      {
        say: 'saw the GP, she upped it to 80mg',
        at: '2026-06-04T09:00:00Z',
        expect: [{ kind: 'fact', words: ['80mg'], action: 'supersede', replaces: ['40mg'] }],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"doctor dropped my dose to 5mg" names no word of the dose it changes', async () => {
    const corpus = scenario('dropped', [
      {
        say: 'I take 10mg of sertraline every morning',
        expect: [{ kind: 'fact', words: ['10mg'] }],
      },
      { say: 'I am allergic to cats', expect: [{ kind: 'fact', words: ['cats'] }] },
      {
        say: 'doctor dropped my dose to 5mg',
        at: '2026-06-04T09:00:00Z',
        expect: [{ kind: 'fact', words: ['5mg'], action: 'supersede', replaces: ['10mg'] }],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"I\'m a qualified teacher now" replaces the teaching assistant: a job is nobody else', async () => {
    const corpus = scenario('job', [
      {
        say: "I'm a teaching assistant at Hill Road School",
        expect: [{ kind: 'fact', words: ['teaching assistant'] }],
      },
      {
        say: "I'm a qualified teacher now",
        at: '2026-06-04T09:00:00Z',
        expect: [
          {
            kind: 'fact',
            words: ['teacher'],
            action: 'supersede',
            replaces: ['teaching assistant'],
          },
        ],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})
