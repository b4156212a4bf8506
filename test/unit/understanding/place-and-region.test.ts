import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const now = new Date('2026-03-02T10:00:00Z')
const texts = (text: string): string[] =>
  analyze(text, now).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.text) : [],
  )

describe('a place named with its town, state or country', () => {
  it('stays one place, not a second home in the state', () => {
    expect(
      texts("I'm Dana Whitfield, a litigation associate at Brenner & Cole in Columbus, Ohio."),
    ).toEqual([
      'My name is Dana Whitfield',
      'I am a litigation associate at Brenner & Cole in Columbus, Ohio',
    ])
    expect(texts('Hi, Tom here, software engineer in Portland, Oregon')).toEqual([
      'My name is Tom',
      'I am a software engineer in Portland, Oregon',
    ])
  })

  it('keeps the town of a firm with the job', () => {
    expect(texts("I'm Sam, nurse at St Luke's, Dublin")).toEqual([
      'My name is Sam',
      "I am nurse at St Luke's, Dublin",
    ])
  })

  it('still reads a bare place after an introduction as where they are', () => {
    expect(texts("I'm Sam, 34, Leeds")).toEqual([
      'My name is Sam; I am 34',
      'I live in Leeds',
    ])
  })
})
