import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const kinds = (said: string): string[] =>
  analyze(said, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [],
  )

describe('a second thing joined on with "also", without a stop', () => {
  it('"…also the tyres are…" is a thing of its own, not part of the first', () => {
    const read = kinds(
      'need to book the MOT before the end of the month also the boiler is leaking again',
    )
    expect(read.some((k) => k.startsWith('task:') && /MOT/u.test(k) && !/boiler/u.test(k))).toBe(
      true,
    )
    expect(read.some((k) => /boiler is leaking/u.test(k))).toBe(true)
  })

  it('keeps "also" inside one thing said ("I also have a cat")', () => {
    expect(kinds('I have a dog and I also have a cat called Pip').join(' | ')).toContain('Pip')
  })
})
