import { describe, expect, it } from 'vitest'
import { formValues, replaceable } from '../../../renderer/runtime/understanding/value-forms'

const forms = (text: string): string[] => formValues(text).map((v) => `${v.form}:${v.text}`)

describe('values by their form', () => {
  it('reads each value as the most specific form that covers it', () => {
    expect(forms('I am in flat 14B, buzzer is broken')).toEqual(['code:14B'])
    expect(forms('I charge 850 MXN an hour')).toEqual(['money:850 MXN'])
    expect(forms("I'm on propranolol 40mg")).toEqual(['quantity:40mg'])
    expect(forms('my schedule is mon wed fri sat 8pm est')).toEqual([
      'weekday:mon wed fri sat',
      'time:8pm',
    ])
    expect(forms('email me at ruth.okonkwo@fastmail.com')).toEqual([
      'email:ruth.okonkwo@fastmail.com',
    ])
    expect(forms('cleaning appointment is April 8 at 9')).toEqual(['date:April 8', 'time:9'])
    // A year before a make is not an amount of anything.
    expect(forms('I drive a 2014 Honda Civic')).toEqual([])
  })

  it('replaces only a different value of the same form and unit', () => {
    const [mg] = formValues('80mg')
    const [tablets] = formValues('2 tablets')
    const [old] = formValues('40mg')
    expect(replaceable(mg!, old!)).toBe(true)
    expect(replaceable(tablets!, old!)).toBe(false)
    expect(replaceable(old!, old!)).toBe(false)
  })
})
