import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import type { Capture } from '../../../renderer/runtime/understanding/types'
import { currentAfter } from '../../support/understanding/say-in-turn'

const NOW = new Date('2026-05-04T09:00:00Z')
const captures = (text: string): Capture[] =>
  analyze(text, NOW).readings.flatMap((r) => (r.type === 'capture' ? r.captures : []))

describe('"…, so don\'t suggest X": what they are, then a request of the assistant', () => {
  it.each([
    ["I'm trying to cut out caffeine, so don't suggest coffee places", 'caffeine', 'coffee places'],
    ["I'm vegan, so don't recommend steakhouses", 'vegan', 'steakhouses'],
    ["I hate mornings so don't book me anything before 10", 'mornings', 'before 10'],
    ["I'm coeliac so no bread suggestions", 'coeliac', 'bread suggestions'],
    ['my knee is shot so please never suggest running routes', 'knee', 'running routes'],
    ["we're skint this month, so don't recommend restaurants", 'skint', 'restaurants'],
  ])('%s', (text, first, request) => {
    const found = captures(text)
    expect(found).toHaveLength(2)
    expect(found[0]!.text).toContain(first)
    expect(found[0]!.correction).toBe(false)
    expect(found[1]!.kind).toBe('preference')
    expect(found[1]!.text).toContain(request)
  })

  it('"not" after a verb names no old value', () => {
    for (const c of captures("I'm trying to cut out caffeine, so don't suggest coffee places"))
      expect(c.replaces ?? null).toBeNull()
  })

  it.each([
    // A consequence of a problem, not a request.
    ['we had a power cut so no wifi all day', 1],
    // "not" naming an old value still corrects.
    ['my name is Sam, not Samantha', 1],
  ])('%s stays one item', (text, n) => {
    expect(captures(text)).toHaveLength(n)
  })

  it('two requests about different things are both kept', async () => {
    expect(
      await currentAfter([
        "I'm coeliac so no bread suggestions",
        "I'm vegan, so don't recommend steakhouses",
        "don't book me anything before 10",
      ]),
    ).toEqual([
      'I am coeliac',
      'I want no bread suggestions',
      'I am vegan',
      "I don't want you to recommend steakhouses",
      "I don't want you to book me anything before 10",
    ])
  })
})
