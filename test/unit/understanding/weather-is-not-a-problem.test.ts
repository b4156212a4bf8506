import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const kinds = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.kind) : [],
  )

describe('the weather, said as it is', () => {
  it.each([
    "ngl it's been raining for like 9 days straight",
    'In Ukraine now it is very cold and no electricity again',
  ])('%s is no problem of the person', (text) => {
    expect(kinds(text)).not.toContain('issue')
  })

  it.each([
    "it's been snowing all week and the car won't start",
    "it's freezing in my flat, the heating is off again",
    'heatwave in the office, AC is broken for the whole floor',
  ])('%s still names a thing of theirs in trouble', (text) => {
    expect(kinds(text)).toContain('issue')
  })
})
