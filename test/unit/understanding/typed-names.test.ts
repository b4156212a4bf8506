import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { nameLikeness } from '../../../renderer/runtime/understanding/typed-name'

const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [],
  )

describe('a name typed in lower case, with no hello before it', () => {
  it('"im sarah btw", "i\'m dave": a first name the library knows is the name', () => {
    expect(stored('im sarah btw')).toEqual(['fact: My name is Sarah'])
    expect(stored("i'm dave")).toEqual(['fact: My name is Dave'])
    expect(stored('im tomasz')).toEqual(['fact: My name is Tomasz'])
  })

  it('"im skint", "im vegan btw", "i\'m knackered" stay how they are', () => {
    expect(stored('im skint')).toEqual([])
    expect(stored('im vegan btw')).toEqual(['fact: I am vegan'])
    expect(stored("i'm knackered")).toEqual([])
  })

  it('"tomasz here", "gaz here, gas safe plumber": a name said as on the phone', () => {
    expect(stored('tomasz here')).toEqual(['fact: My name is Tomasz'])
    expect(stored('gaz here, gas safe plumber, based stockport')[0]).toBe('fact: My name is Gaz')
  })

  it('a word the library does not know is a name only before what they do', () => {
    // "snow here, roads closed": the weather, not someone called Snow.
    expect(stored('snow here, roads closed').join()).not.toMatch(/name/iu)
    expect(stored('chaos here today').join()).not.toMatch(/name/iu)
  })

  it('"this is dale pickett i raise catfish": the name, then what they do', () => {
    expect(stored('this is dale pickett i raise catfish outside belzoni')).toEqual([
      'fact: My name is Dale Pickett',
      'fact: I raise catfish outside belzoni',
    ])
    expect(stored('this is ridiculous')).toEqual([])
    expect(stored('its june already').join()).not.toMatch(/name/iu)
  })
})

describe('nameLikeness', () => {
  it('tells first names, unknown words and English apart', () => {
    expect(nameLikeness('sarah')).toBe('first')
    expect(nameLikeness('jory')).toBe('unknown')
    // Slang the library does not know is unknown too: hence "first" alone after "im".
    expect(nameLikeness('skint')).toBe('unknown')
    for (const w of ['vegan', 'tired', 'mum', 'june', 'nurse', 'everyone'])
      expect(nameLikeness(w), w).toBe('no')
  })
})
