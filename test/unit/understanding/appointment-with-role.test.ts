import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import type { Capture } from '../../../renderer/runtime/understanding/types'

const NOW = new Date('2026-05-04T09:00:00Z')
const captures = (text: string): Capture[] =>
  analyze(text, NOW).readings.flatMap((r) => (r.type === 'capture' ? r.captures : []))

describe('"I have a <role> appointment on <day>" is an appointment with its day, not a person', () => {
  it.each([
    ['I have a dentist appointment next Tuesday at 2pm', '2026-05-12'],
    ['I have a GP appointment on the 12th', '2026-05-12'],
    ['I have a physio session on Friday', '2026-05-08'],
    ['I have a vet appointment for the dog tomorrow at 9', '2026-05-05'],
    ['I have a solicitor meeting on the 20th', '2026-05-20'],
  ])('%s', (text, day) => {
    const [c] = captures(text)
    expect(c?.subject).toMatch(/ time$/u)
    expect(c?.due?.slice(0, 10)).toBe(day)
  })

  it.each(['I have a sister in Leeds', 'I have two brothers', 'I have a dentist I trust'])(
    '%s is still about their people',
    (text) => {
      expect(String(captures(text)[0]?.subject)).not.toMatch(/ time$/u)
    },
  )
})
