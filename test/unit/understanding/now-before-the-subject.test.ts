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

  it('starts a new thing said at ", now I…" after what held before', () => {
    expect(texts('I was a pharmacist in Aleppo for 11 years, now I live in Leipzig')).toEqual([
      'I was a pharmacist in Aleppo for 11 years',
      expect.stringMatching(/^I live in Leipzig\b/u),
    ])
    expect(texts('I came from Kharkiv in 2022, now I live in Norwich')).toEqual([
      'I came from Kharkiv in 2022',
      expect.stringMatching(/^I live in Norwich\b/u),
    ])
  })

  it('keeps news and what it is together', () => {
    expect(texts('we changed our day off, now we are closed on wednesdays')).toHaveLength(1)
  })
})
