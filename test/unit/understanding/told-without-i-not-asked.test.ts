import { describe, expect, it } from 'vitest'
import { isQuestion } from '../../../renderer/runtime/understanding/question'

describe('"had a …" and "have a …" without a question mark are told, not asked', () => {
  it.each([
    'had a lovely walk by the river this morning',
    'have a dentist appointment tomorrow at 3',
    'had an MRI on my knee last week',
  ])('"%s" is not a question', (said) => {
    expect(isQuestion(said)).toBe(false)
  })

  it.each([
    'had a lovely walk?',
    'have I paid the council tax',
    'did the parcel arrive',
    'has the plumber been',
  ])('"%s" is still a question', (said) => {
    expect(isQuestion(said)).toBe(true)
  })
})
