import { describe, expect, it } from 'vitest'
import { newValueOnly } from '../../../renderer/runtime/memory/new-value-only'

describe('what is current says the new value only', () => {
  it('drops the old value said not to hold ("Leeds, not Leicester")', () => {
    expect(
      newValueOnly('My sister lives in Leeds, not Leicester', 'My sister lives in Leicester'),
    ).toBe('My sister lives in Leeds')
    expect(
      newValueOnly(
        'Wedding was moved to Sept 12, not June 20 anymore',
        'Our wedding is on June 20th',
      ),
    ).toBe('Wedding was moved to Sept 12')
    expect(
      newValueOnly('The dentist is Wednesday not Thursday', 'Dentist is on Thursday at 2pm'),
    ).toBe('The dentist is Wednesday')
  })

  it('says "not in June anymore, it is September 12" as the new value', () => {
    expect(
      newValueOnly(
        'Wedding is not in June anymore, it is September 12',
        'Our wedding is on June 20th',
      ),
    ).toBe('Wedding is September 12')
  })

  it('says who holds a role now, not who no longer does', () => {
    expect(
      newValueOnly(
        'Tom is not my manager any more after the reorg, it is Fatima now',
        'My manager is Tom Reilly',
      ),
    ).toBe('My manager is Fatima now')
  })

  it('keeps a negated statement and what the old item does not say', () => {
    expect(newValueOnly('I do not eat pork', 'I eat pork')).toBe('I do not eat pork')
    expect(newValueOnly('We eat out on Fridays, not Saturdays', 'We eat out on Thursdays')).toBe(
      'We eat out on Fridays, not Saturdays',
    )
  })
})
