import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import type { Capture } from '../../../renderer/runtime/understanding/types'
import { currentAfter } from '../../support/understanding/say-in-turn'

const NOW = new Date('2026-05-04T09:00:00Z')
const captures = (text: string): Capture[] =>
  analyze(text, NOW).readings.flatMap((r) => (r.type === 'capture' ? r.captures : []))

describe('"…, so don\'t suggest X": "not" before a request names no old value', () => {
  it.each([
    ["I'm trying to cut out caffeine, so don't suggest coffee places", 'coffee places'],
    ["I'm vegan, so don't recommend steakhouses", 'steakhouses'],
    ["I'm off sugar, so please don't send me dessert recipes", 'dessert recipes'],
    ["I hate mornings, so don't book me anything before 10", 'before 10'],
  ])('%s keeps the request whole', (text, request) => {
    const found = captures(text)
    expect(found.some((c) => c.text.includes(request))).toBe(true)
    for (const c of found) {
      expect(c.replaces ?? null).toBeNull()
      expect(c.text).not.toMatch(/,\s+so\s+do$/u)
    }
  })

  it.each([
    // "not" naming an old value still corrects.
    ['my name is Sam, not Samantha', 'Samantha'],
    ['the party is on the 13th, not the 12th', 'the 12th'],
  ])('%s still names what it replaces', (text, old) => {
    expect(captures(text)[0]?.replaces).toBe(old)
  })

  it('two requests about different things are both kept', async () => {
    expect(
      await currentAfter([
        'no bread suggestions please',
        "don't recommend steakhouses",
        "don't book me anything before 10",
      ]),
    ).toEqual([
      'I want no bread suggestions',
      "I don't want you to recommend steakhouses",
      "I don't want you to book me anything before 10",
    ])
  })
})
