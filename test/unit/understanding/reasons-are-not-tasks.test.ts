import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [r.type],
  )

describe('a wish with nothing to do it to', () => {
  it('is why a request was made, not a task', () => {
    expect(stored('Please answer me in English, not German, I want to practise')).toEqual([
      'preference: I want you to answer me in English, not German',
    ])
    expect(stored("Celsius please, I'm trying to modernise")).not.toContainEqual(
      expect.stringMatching(/^task:/u),
    )
  })
  it('still files a wish that names what to do', () => {
    expect(stored('I want to practise my German before the trip')).toEqual([
      'task: Practise my German before the trip',
    ])
  })
})
