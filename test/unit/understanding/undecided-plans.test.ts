import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [],
  )

describe('a plan told as not yet decided', () => {
  it.each([
    'Ioana and me are thinking maybe to move back to Cluj in a few years',
    'thinking of going automatic next year',
    'we are thinking about getting a second car in the spring',
    'next month want to learn motion graphics maybe, not sure',
  ])('"%s" keeps nothing', (said) => {
    expect(stored(said)).toEqual([])
  })
  it('still keeps what is told beside a doubt about something else', () => {
    expect(
      stored(
        'Jobs on the cluster are getting killed after 4 hours, not sure why, it is blocking my simulations',
      ),
    ).not.toEqual([])
    expect(stored('need to update my gpu drivers tonight maybe thats it')).toContainEqual(
      expect.stringMatching(/^task: .*gpu drivers/u),
    )
  })
})
