import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { toldForLaughs } from '../../../renderer/runtime/understanding/for-laughs'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const kinds = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.kind) : [],
  )

describe('a story told for a laugh', () => {
  it.each([
    "hahaha chef called my brunoise 'rustic' 💀",
    'haha my cat walk on keyboard, delete half file 😹',
    'lmao a patient fainted on me and said sorry like 50 times',
    '😂 my nan just sent me a voice note of her snoring',
  ])('%s keeps no fact or preference', (text) => {
    expect(kinds(text)).toEqual([])
  })

  it('still keeps what the person says they are after the laugh', () => {
    expect(kinds("lol I'm vegan btw")).toEqual(['fact'])
  })

  it('still keeps a problem or a thing to do told with a laugh', () => {
    expect(kinds('haha the boiler is leaking again')).toEqual(['issue'])
    expect(kinds('lol need to book the dentist before friday')).toEqual(['task'])
  })

  it('is only laughter at the start, not a word that begins like it', () => {
    expect(toldForLaughs('Hahn is my surname')).toBe(false)
    expect(toldForLaughs('Lola is my dog')).toBe(false)
    expect(toldForLaughs('lolol my boss just fell off his chair')).toBe(true)
  })
})
