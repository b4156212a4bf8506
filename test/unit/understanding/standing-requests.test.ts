import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import type { Corpus } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'

const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [r.type],
  )

describe('requests that hold in one situation', () => {
  it('keeps the request with its condition, and is not a question', () => {
    const [dad] = stored('when I ask about my dad, give me the full picture, no summaries')
    expect(dad).toMatch(/^preference: When I ask about my dad, .*give me the full picture/u)
    expect(stored('when you write cover letters for me keep them formal')).toEqual([
      'preference: When you write cover letters for me, I want you to keep them formal',
    ])
  })
  it('words a request the rules do not know as what they want', () => {
    expect(stored('when I ask about my dad, give me everything')).toEqual([
      'preference: When I ask about my dad, I want you to give me everything',
    ])
  })
  it('does not read a daydream or a plan as a request', () => {
    expect(stored("if I ever get a dog it's going to be a corgi")).not.toContainEqual(
      expect.stringMatching(/^preference/u),
    )
    expect(
      stored("if I won the lottery I'd buy a canal boat and never answer email again"),
    ).toEqual(['chat'])
  })
})

describe('requests about how to treat the person', () => {
  it.each([
    ["don't give me diet advice", "I don't want you to give me diet advice"],
    [
      'never recommend me true crime podcasts',
      "I don't want you to recommend me true crime podcasts",
    ],
    ['stop telling me to drink water', "I don't want you to tell me to drink water"],
    ['can you be a bit more blunt?', 'I want you to be a bit more blunt'],
    ['pls no inspirational quotes ever', 'I want no inspirational quotes ever'],
  ])('"%s" is a preference, said as what they want', (text, want) => {
    expect(stored(text)).toEqual([`preference: ${want}`])
  })
  it('reads "X please when you Y" with its condition', () => {
    expect(stored('tables please when you compare prices')).toEqual([
      'preference: When you compare prices, I want tables',
    ])
  })
})

describe('units', () => {
  it.each([
    ['24h time please', 'units: time'],
    ['going forward, distances in km', 'units: distance'],
    ['use euros please', 'units: currency'],
  ])('"%s" is a units preference', (text, key) => {
    const [c] = analyze(text, NOW).readings.flatMap((r) => (r.type === 'capture' ? r.captures : []))
    expect(c).toMatchObject({ kind: 'preference', key })
  })
  it('a new unit for the same measure replaces the old one', async () => {
    const corpus: Corpus = {
      description: 'units',
      scenarios: [
        {
          id: 'units',
          now: '2026-03-04T09:00:00Z',
          turns: [
            {
              say: 'temperatures in Fahrenheit please',
              expect: [{ kind: 'preference', words: ['Fahrenheit'] }],
            },
            {
              say: 'we moved to Toronto, so Celsius from now on',
              expect: [
                { kind: 'fact', words: ['Toronto'] },
                {
                  kind: 'preference',
                  words: ['Celsius'],
                  action: 'supersede',
                  replaces: ['Fahrenheit'],
                },
              ],
            },
            { ask: 'what units for temperature?', answer: ['Celsius'], notAnswer: ['Fahrenheit'] },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})
