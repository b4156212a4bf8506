import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { namedOne } from '../../../renderer/runtime/understanding/topic-one'

const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [],
  )

describe('"the … one" after a correction that names its topic', () => {
  it('is the thing the correction is about', () => {
    expect(namedOne('scratch that about the depot, I moved to the Avonmouth one last week')).toBe(
      'scratch that about the depot, I moved to the Avonmouth depot last week',
    )
    expect(namedOne('forget what I said about the dentist, I go to the Mill Road one now')).toBe(
      'forget what I said about the dentist, I go to the Mill Road dentist now',
    )
  })

  it('is left alone with no topic, or a topic that is a name', () => {
    expect(namedOne('I moved to the Avonmouth one')).toBe('I moved to the Avonmouth one')
    expect(namedOne('I was wrong about Tiana, the little one is 7')).toBe(
      'I was wrong about Tiana, the little one is 7',
    )
  })
})

describe('moving to a place of work', () => {
  it('"moved to the Avonmouth depot", "the Leeds office in May" is not a home', () => {
    expect(
      stored('scratch that about the depot, I moved to the Avonmouth one last week').join(),
    ).not.toMatch(/I live/u)
    expect(stored('I moved to the Leeds office in May').join()).not.toMatch(/I live/u)
    expect(stored('I moved to a flat near the station')).toEqual([
      'fact: I live in a flat near the station',
    ])
  })
})
