import { describe, expect, it } from 'vitest'
import { tell } from '../../support/understanding/tell'
import {
  formValues,
  replaceable,
  valuesOrNumbers,
} from '../../../renderer/runtime/understanding/value-forms'

const one = (text: string) => valuesOrNumbers(text)[0]!

describe('a number said alone as a new value', () => {
  it('is a value only where the text holds none of a form, and never a year', () => {
    expect(formValues('my hours got cut to 20')).toEqual([])
    expect(valuesOrNumbers('my hours got cut to 20')).toEqual([
      { form: 'number', text: '20', unit: null },
    ])
    expect(valuesOrNumbers('we moved here in 2019')).toEqual([])
    expect(valuesOrNumbers('it is 15 students now').map((v) => v.form)).toEqual(['quantity'])
  })

  it('stands for a number or an amount of about its size, never an amount for a number', () => {
    expect(replaceable(one('cut to 20'), one('30 hours a week'))).toBe(true)
    expect(replaceable(one('up to 1450'), one('£1,350 a month'))).toBe(true)
    expect(replaceable(one('cut to 20'), one('£2,000'))).toBe(false)
    expect(replaceable(one('5 minutes'), formValues('20 at night', true)[0]!)).toBe(false)
  })

  it('reads a currency however it is written', () => {
    expect(replaceable(one('42 quid'), one('£35'))).toBe(true)
    expect(replaceable(one('42 quid'), one('$35'))).toBe(false)
  })

  it('"my hours got cut to 20" changes the hours in what was said of the job', () => {
    const current = tell([
      'I work at the library, 30 hours a week, mostly on the front desk',
      'my hours got cut to 20',
    ]).join(' | ')
    expect(current).not.toContain('30 hours')
    expect(current).toContain('library, 20 hours a week')
  })

  it('"they\'re raising the rent to £1,500" replaces the rent', () => {
    const current = tell(['my rent is £1,200 a month', "they're raising the rent to £1,500"])
    expect(current.join(' | ')).not.toContain('1,200')
    expect(current.join(' | ')).toContain('1,500')
  })

  it('leaves a number about something else current', () => {
    const current = tell(['my son Jayden is 12', 'my hours got cut to 20'])
    expect(current.join(' | ')).toContain('Jayden is 12')
  })
})
