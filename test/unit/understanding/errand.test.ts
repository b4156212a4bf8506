import { describe, expect, it } from 'vitest'
import { errandOf } from '../../../renderer/runtime/understanding/errand'

const open = [
  { id: 'email', text: 'Email him about the tap and the mould in the bathroom' },
  { id: 'brief', text: 'Opposition brief in Halstead v. Marrow due by March 20' },
  { id: 'book', text: 'Book the car in for a service' },
  { id: 'book2', text: 'Book the vet for Biscuit' },
]

describe('the errand a report of work done finishes', () => {
  it('by the errand’s own verb, pointing back', () => {
    expect(errandOf('I emailed Gareth', open)?.id).toBe('email')
  })

  it.each([
    [
      'The deposition of their expert is scheduled for Thursday',
      'a sentence that starts with "the"',
    ],
    ['I got the creds finally', 'a verb that names no errand'],
    ['booked it', 'a verb two open tasks share'],
    ['I rang my sister', 'a verb no task has'],
  ])('none for "%s" (%s)', (report) => {
    expect(errandOf(report, open)).toBeNull()
  })
})
