import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import type { Capture } from '../../../renderer/runtime/understanding/types'
import { readKinds } from '../../support/understanding/read-kinds'

const NOW = new Date(2026, 2, 4, 9, 0)
const kinds = (text: string): string[] => readKinds(text, NOW)
const readAll = (text: string): Capture[] =>
  analyze(text, NOW).readings.flatMap((r) => (r.type === 'capture' ? r.captures : []))

describe('going to an event', () => {
  it.each([
    "I'm going to a christening in Galway in May",
    "we're going to a concert at the O2 on Saturday",
    "I'm going to the optician on Thursday at 11",
  ])('files "%s" as a fact, not a to-do', (text) => {
    expect(kinds(text)).toEqual(['fact'])
  })
  it.each([
    ["I'm training for the Edinburgh half in May", '2026-05-01'],
    ['training for a sprint triathlon on 9 August, my first', '2026-08-09'],
  ])('files "%s" as a fact with its date, not a to-do', (text, due) => {
    const caps = readAll(text)
    expect(caps.map((c) => c.kind)).toEqual(['fact'])
    expect(caps[0]!.due?.slice(0, 10)).toBe(due)
  })
  it('still files going to do something as a task', () => {
    expect(kinds("I'm going to ring the council tomorrow")).toEqual(['task'])
  })
})
