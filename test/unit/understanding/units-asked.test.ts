import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { unitAsked } from '../../../renderer/runtime/understanding/units-asked'

const now = new Date('2026-03-02T10:00:00Z')
const kept = (text: string): string[] =>
  analyze(text, now).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [],
  )
const read = (text: string): string[] => analyze(text, now).readings.map((r) => r.type)

describe('units to answer in, asked for without a verb of liking', () => {
  it('finds the unit and what was asked', () => {
    expect(unitAsked('wind in knots please, none of this km/h nonsense')).toEqual({
      unit: 'knots',
      said: 'wind in knots',
    })
    expect(unitAsked('money in rand please not dollars')?.unit).toBe('rand')
    expect(unitAsked('heights in feet and inches pls')?.unit).toBe('feet')
    expect(
      unitAsked('could you do temperatures in fahrenheit, celsius means nothing to me'),
    ).toEqual({ unit: 'fahrenheit', said: 'temperatures in fahrenheit' })
  })

  it('is a preference, even when asked with "can you"', () => {
    expect(kept('can u give me the recipe weights in grams')).toEqual([
      'preference: I want you to use recipe weights in grams',
    ])
    expect(kept('speeds in km/h not mph')).toEqual([
      'preference: I want you to use speeds in km/h not mph',
    ])
    expect(kept('blood sugar in mg/dL please')).toEqual([
      'preference: I want you to use blood sugar in mg/dL',
    ])
    expect(kept('fuel in litres, not gallons')).toEqual([
      'preference: I want you to use fuel in litres',
    ])
  })

  it('is not a place, a time taken or a question', () => {
    expect(unitAsked('can you give me the weather in Paris')).toBeNull()
    expect(unitAsked('I ran 5 miles in 40 minutes')).toBeNull()
    expect(unitAsked('prices in Lidl are better')).toBeNull()
    expect(read("what's 10 miles in km?")).toEqual(['question'])
    expect(read('can you give me the weather in Paris')).toEqual(['question'])
  })
})
