import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { onlyThanks } from '../../../renderer/runtime/understanding/only-thanks'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.text) : [],
  )

describe('thanks, however it is typed, is only thanks', () => {
  it.each([
    'thank u so much ur the best',
    'Lekker, thanks bru',
    'Shot, thanks boet',
    'thank you so much dear, you always help me',
    'thank you so much, you very helpful',
  ])('%s stores nothing', (text) => {
    expect(stored(text)).toEqual([])
  })

  it.each([
    'ok thanks, you are a star',
    'cheers mate, you are a legend 🙏',
    'tysm, this is so helpful',
    'great, thank you very much sir, you have been very kind',
    'asante sana, you have helped me a lot',
  ])('%s is only thanks', (text) => {
    expect(onlyThanks(text)).toBe(true)
  })

  it.each([
    "thanks, I'll do the invoice tomorrow",
    'cheers, the plumber is coming Tuesday',
    'paid the rent thanks to mum',
    'thanks to the new meds my back is fine',
    'ta, the van is booked for Friday',
  ])('%s is still read', (text) => {
    expect(onlyThanks(text)).toBe(false)
  })
})
