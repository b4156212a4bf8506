import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const now = new Date('2027-01-12T10:00:00Z')
const texts = (text: string): string[] =>
  analyze(text, now).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.text) : [],
  )

describe('"now" before the one it holds for', () => {
  it('reads "now I live in…" as where they live, without a second "I"', () => {
    expect(texts('now I live in Norwich')).toEqual(['I live in Norwich'])
    expect(texts('these days I work as a driver')).toEqual(['I work as a driver these days'])
  })

  it('starts a new thing said at "and now I…"', () => {
    expect(texts('I was a postman for 20 years and now I restore old motorbikes')).toEqual([
      'I was a postman for 20 years',
      'I restore old motorbikes now',
    ])
  })
})
