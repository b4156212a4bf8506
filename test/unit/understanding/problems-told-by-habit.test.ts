import { describe, expect, it } from 'vitest'
import { readKinds } from '../../support/understanding/read-kinds'

const NOW = new Date(2027, 1, 8, 9, 0)
const kinds = (text: string): string[] => readKinds(text, NOW)

describe('problems told by what a thing does every time', () => {
  it.each([
    'back brake squeals and barely stops when its wet',
    'our wifi drops out every evening',
    'Radio battery dies halfway through shift',
    "truck's got a shudder through the steering over about 90 k's",
    'the lift on the east wing is stopping between floors',
    'my battery only lasts like 30 miles now, used to be 50',
    'Access to Work payment late again, they owe me £640',
  ])('reads "%s" as a problem', (text) => {
    expect(kinds(text)).toContain('issue')
  })

  it.each(['I go to the gym when it rains', 'my grandad loves it when we visit'])(
    'does not read "%s" as a problem',
    (text) => {
      expect(kinds(text)).not.toContain('issue')
    },
  )
})
