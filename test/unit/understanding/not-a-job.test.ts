import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { isJob } from '../../../renderer/runtime/understanding/lexicon'

const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [r.type],
  )

describe('a thing or a time that ends like a job', () => {
  it('is not what the person is', () => {
    expect(stored('Lovely weather for October innit')).toEqual(['chat'])
    expect(stored('Another winter in Leeds')).toEqual(['chat'])
    expect(isJob('great number')).toBe(false)
  })
  it('leaves jobs said without "I" as they were', () => {
    expect(isJob('personal trainer')).toBe(true)
    expect(stored('Retired nurse, living in Hull')).toContain('fact: I live in Hull')
  })
})
