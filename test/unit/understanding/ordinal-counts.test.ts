import { describe, expect, it } from 'vitest'
import { formValues } from '../../../renderer/runtime/understanding/value-forms'

const dates = (text: string): string[] =>
  formValues(text)
    .filter((v) => v.form === 'date')
    .map((v) => v.text)

describe('an ordinal that counts something is not a day of the month', () => {
  it.each([
    'I am 2nd year law at Exeter',
    "she's in 3rd grade at Lincoln Elementary",
    'we live on the 14th floor',
    'came 2nd place in the parkrun',
    'his 5th birthday party was fun',
    'this is my 3rd attempt at the theory test',
    'my 2nd jab is booked',
  ])('%s', (text) => expect(dates(text)).toEqual([]))

  it.each([
    ['the recital is on the 14th', 'the 14th'],
    ['rent is due the 1st', 'the 1st'],
    ['exam is on 14 jan', '14 jan'],
    ['the 3rd works for me', 'the 3rd'],
  ])('%s keeps its date', (text, date) => expect(dates(text)).toEqual([date]))
})
