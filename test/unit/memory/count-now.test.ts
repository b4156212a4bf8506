import { describe, expect, it } from 'vitest'
import { currentAfter } from '../../support/understanding/say-in-turn'
import { changedValue } from '../../../renderer/runtime/understanding/value-change'
import { formValues } from '../../../renderer/runtime/understanding/value-forms'

const holds = (current: string[], word: string): boolean => current.some((t) => t.includes(word))

describe('a count said to be only so many now', () => {
  it('reads the count as the new value', () => {
    expect(changedValue('so now only 7 racing', true)).toBe('7')
    expect(changedValue("now it's just 3 of us in the office", true)).toBe('3')
    expect(changedValue('only 4 hens left now', true)).toBe('4 hens')
    expect(changedValue('only 4 hens', true)).toBeNull()
  })

  it('does not count a doing as what is counted ("7 racing"), only a thing ("8 girls")', () => {
    expect(formValues('7 racing', true)).toEqual([{ form: 'number', text: '7', unit: null }])
    expect(formValues('8 girls')).toEqual([{ form: 'quantity', text: '8 girls', unit: 'girl' }])
    expect(formValues('1 meeting')).toEqual([
      { form: 'quantity', text: '1 meeting', unit: 'meeting' },
    ])
  })

  it.each([
    ['I have 8 girls racing there', 'so now only 7 racing', '8 girls', '7'],
    ['we keep 12 hens in the back field', 'fox got two, only 10 hens now', '12 hens', '10'],
    ['there are 6 of us on the night team', "now it's just 4 on the night team", '6 of us', '4'],
  ])('"%s", then "%s": the new count replaces the old', async (first, now, was, is) => {
    const current = await currentAfter(['my daughter is 9', first, now])
    expect(holds(current, was)).toBe(false)
    expect(holds(current, is)).toBe(true)
    expect(holds(current, 'daughter is 9')).toBe(true)
  })

  it('a count of something else leaves the old one current', async () => {
    const current = await currentAfter([
      'I have 8 girls racing there',
      'only 2 days left now before the trip',
    ])
    expect(holds(current, '8 girls')).toBe(true)
  })
})
