import { describe, expect, it } from 'vitest'
import { readKinds } from '../../support/understanding/read-kinds'

const NOW = new Date(2026, 2, 4, 9, 0)
const kinds = (text: string): string[] => readKinds(text, NOW)

describe('going to an event', () => {
  it.each([
    "I'm going to a christening in Galway in May",
    "we're going to a concert at the O2 on Saturday",
    "I'm going to the optician on Thursday at 11",
  ])('files "%s" as a fact, not a to-do', (text) => {
    expect(kinds(text)).toEqual(['fact'])
  })
  it('still files going to do something as a task', () => {
    expect(kinds("I'm going to ring the council tomorrow")).toEqual(['task'])
  })
})
