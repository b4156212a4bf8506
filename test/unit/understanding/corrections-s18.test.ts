import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'
import { sayInTurn } from '../../support/understanding/say-in-turn'
import { formValues } from '../../../renderer/runtime/understanding/value-forms'

describe('changes at work told as news days later (session 18)', () => {
  it('"actually roster\'s changed to 8 on 2 off" replaces the rota held before', async () => {
    const corpus = scenario('rota', [
      {
        say: "milking's 4:30am and 2:30pm, I'm on 11 days on 3 off",
        expect: [
          { kind: 'fact', words: ['4:30am'] },
          { kind: 'fact', words: ['11 days on'] },
        ],
      },
      {
        say: 'my partner Aroha is a vet tech at the Morrinsville clinic',
        expect: [{ kind: 'fact', words: ['Aroha'] }],
      },
      {
        say: "actually roster's changed to 8 on 2 off",
        at: '2026-05-08T18:00:00Z',
        expect: [
          { kind: 'fact', words: ['8 on 2 off'], action: 'supersede', replaces: ['11 days on'] },
        ],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('reads a rota of days on and off as one value', () => {
    expect(formValues('I work offshore, 2 weeks on 2 weeks off').map((v) => v.form)).toEqual([
      'rota',
    ])
    expect(formValues('shift pattern 4 on/4 off').map((v) => v.text)).toEqual(['4 on/4 off'])
  })

  it('"they\'ve put me on the Melbourne run" replaces the run driven before', async () => {
    const corpus = scenario('run', [
      {
        say: 'I drive a B-double for Toll out of Dubbo, mostly the Brisbane run',
        expect: [{ kind: 'fact', words: ['Brisbane run'] }],
      },
      { say: 'my missus is Shaz', expect: [{ kind: 'fact', words: ['Shaz'] }] },
      {
        say: 'boss put me on the Melbourne run from February',
        at: '2026-05-09T08:00:00Z',
        expect: [
          { kind: 'fact', words: ['Melbourne'], action: 'supersede', replaces: ['Brisbane'] },
        ],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"they\'ve put me on days from next month" replaces the night job, not a partner\'s nights', async () => {
    const corpus = scenario('shift', [
      { say: "I'm a night nurse at St Mary's", expect: [{ kind: 'fact', words: ['night nurse'] }] },
      { say: 'my husband works nights too', expect: [{ kind: 'fact', words: ['husband'] }] },
      {
        say: "they've put me on days from next month",
        at: '2026-05-09T08:00:00Z',
        expect: [{ kind: 'fact', words: ['days'], action: 'supersede', replaces: ['night nurse'] }],
      },
      { ask: 'who works nights?', answer: ['husband'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it("a shift covered for a week, or someone else's, replaces nothing", async () => {
    const items = await sayInTurn([
      'I do nights at the depot',
      "my husband's on days now",
      "I'm on days this week, covering for Sue",
    ])
    const nights = items.find((i) => i.text === 'I do nights at the depot')
    expect(nights?.status).toBe('active')
  })

  it('"scratch Math-U-See, we switched to Saxon" replaces the item that named the old one', async () => {
    const items = await sayInTurn([
      'we use Sonlight for history and Math-U-See for math',
      'scratch Math-U-See, we switched to Saxon this month',
    ])
    const old = items.find((i) => i.text.includes('Math-U-See'))
    expect(old?.status).toBe('superseded')
    expect(items.find((i) => i.text.includes('Sonlight'))?.status).toBe('active')
  })
})
