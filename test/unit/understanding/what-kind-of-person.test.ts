import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const NOW = new Date(2026, 4, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.text) : [],
  )

describe('what kind of person they are, said without "I am"', () => {
  it.each([
    ['not a morning person at all', 'I am not a morning person at all'],
    ['definitely a night owl', 'I am definitely a night owl'],
    ['not a big sports fan tbh', 'I am not a big sports fan'],
    ['a heavy sleeper', 'I am a heavy sleeper'],
  ])('"%s" → "%s"', (said, text) => {
    expect(stored(said)).toEqual([text])
  })

  it('"I\'m really not a coffee drinker" is a negation, not a correction of "a coffee drinker"', () => {
    expect(stored("I'm really not a coffee drinker")).toEqual(['I am really not a coffee drinker'])
    const reading = analyze("I'm really not a coffee drinker", NOW).readings[0]
    expect(reading?.type === 'capture' ? reading.captures[0]!.replaces : 'none').toBeNull()
  })

  it('"not a problem" is still nothing to keep', () => {
    expect(stored('not a problem')).toEqual([])
  })
})
