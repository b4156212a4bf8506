import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import type { Capture } from '../../../renderer/runtime/understanding/types'

const NOW = new Date(2026, 2, 4, 9, 0)
const captures = (text: string): Capture[] =>
  analyze(text, NOW).readings.flatMap((r) => (r.type === 'capture' ? r.captures : []))

describe('a name', () => {
  it.each(['From Ghana, living in Accra', "I'm Originally from Cork", "I'm Retired now"])(
    'is never a capitalised first word that is not one: "%s"',
    (text) => {
      expect(captures(text).filter((c) => c.subject === 'name')).toEqual([])
    },
  )
  it.each([
    ["Hi, I'm Sam Carter", 'Sam Carter'],
    ["I'm Dr. Lee", 'Dr. Lee'],
  ])('is still read from "%s"', (text, value) => {
    expect(captures(text).find((c) => c.subject === 'name')?.value).toBe(value)
  })
})
