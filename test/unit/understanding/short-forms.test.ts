import { describe, expect, it } from 'vitest'
import { shortForms, standsFor } from '../../../renderer/runtime/understanding/short-forms'

describe('a short form for words of an item', () => {
  it('spells the words it stands for, small words left out', () => {
    expect(standsFor('AtW', 'Access to Work payment late again')).toBe(true)
    expect(standsFor('DBS', 'renew my Disclosure and Barring Service check')).toBe(true)
    expect(standsFor('ch3', 'send chapter 3 to my supervisor')).toBe(true)
  })

  it('spells the parts of one hyphenated word, whatever their case', () => {
    expect(standsFor('SE', 'need the self-evaluation done by the 23rd')).toBe(true)
    expect(standsFor('SE', 'need the self-assessment done')).toBe(false)
  })

  it('is never a capital from a small word, nor another number', () => {
    expect(standsFor('GP', 'get the plumber in')).toBe(false)
    expect(standsFor('AtW', 'the payment is late')).toBe(false)
    expect(standsFor('ch3', 'send chapter 4 to my supervisor')).toBe(false)
  })

  it('finds the short forms a report uses', () => {
    expect(shortForms('AtW paid finally!!')).toEqual(['AtW'])
    expect(shortForms('sent ch3!!!!')).toEqual(['ch3'])
    expect(shortForms('paid finally')).toEqual([])
  })
})
