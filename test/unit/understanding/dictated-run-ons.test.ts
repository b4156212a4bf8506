import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const texts = (said: string): string[] =>
  analyze(said, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.text) : [],
  )

describe('things said one after another without a stop, as dictated', () => {
  it.each([
    [
      'so I live in Leeds I work at the hospital as a porter',
      ['I live in Leeds', 'I work at the hospital as a porter'],
    ],
    [
      "ok so my name is Dave I'm a trucker I drive for Eddie Stobart out of Carlisle",
      ['My name is Dave', 'I am a trucker', 'I drive for Eddie Stobart out of Carlisle'],
    ],
    ["I'm 34 I have two boys", ['I am 34 years old', 'I have two boys']],
  ])('"%s" is read as each thing said', (said, each) => {
    const stored = texts(said)
    for (const t of each) expect(stored).toContain(t)
  })

  it.each([
    ['I still have the Honda I bought in 2015', 'Honda I bought in 2015'],
    ['I told Sarah I would help with the move', 'Sarah I would help'],
    ['the laptop I use for work is a MacBook', 'laptop I use for work is a MacBook'],
  ])('"%s" is one thing said: a thing done to a name, or words said to someone', (said, whole) => {
    expect(texts(said).some((t) => t.includes(whole))).toBe(true)
  })
})
