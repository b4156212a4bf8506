import { describe, expect, it } from 'vitest'
import type { Corpus } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'
import { newValueOnly } from '../../../renderer/runtime/memory/new-value-only'

/** What went wrong with the corrections: a value left current, or the new one not filed. */
const corrections = async (corpus: Corpus): Promise<string[]> =>
  (await evaluate(corpus)).failures
    .map((f) => f.problem)
    .filter((p) => p.startsWith('correction left current') || p.includes('(supersede)'))

describe('a day, date or time said again days later', () => {
  it('"Jess graduates on the 14th" replaces "Graduation ceremony for Jess is on the 7th"', async () => {
    const corpus = scenario('graduation', [
      {
        say: 'Graduation ceremony for Jess is on the 7th',
        expect: [{ kind: 'fact', words: ['Graduation'] }],
      },
      { say: 'ok cool', expect: [] },
      {
        say: 'Jess graduates on the 14th',
        at: '2026-05-12T18:00:00Z',
        expect: [{ kind: 'fact', words: ['14th'], action: 'supersede', replaces: ['7th'] }],
      },
    ])
    expect(await corrections(corpus)).toEqual([])
  })

  it('one that names someone else ("Ben\'s recital") is another thing, not a new date', async () => {
    const corpus = scenario('two-recitals', [
      { say: "Mia's dance recital is on the 7th", expect: [{ kind: 'fact', words: ['Mia'] }] },
      {
        say: "Ben's piano recital is on the 14th",
        at: '2026-05-12T18:00:00Z',
        expect: [{ kind: 'fact', words: ['Ben'] }],
      },
      { ask: "when is Mia's recital?", answer: ['7th'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})

describe('what is current says the new value only', () => {
  it('drops the old value the new words name', () => {
    expect(newValueOnly("Standup was 9:30, now it's 9:15", 'Our team standup is at 9:30')).toBe(
      'Standup is now 9:15',
    )
    expect(newValueOnly("Mum's ramipril went from 10mg to 5mg", 'Mum takes 10mg of ramipril')).toBe(
      "Mum's ramipril went to 5mg",
    )
    expect(
      newValueOnly('Parents evening is on the 15th instead of the 14th', 'It is the 14th'),
    ).toBe('Parents evening is on the 15th')
  })

  it('keeps words the old item never said', () => {
    expect(newValueOnly('I moved from Leeds to York', 'I live in Hull')).toBe(
      'I moved from Leeds to York',
    )
  })
})
