import { expect, it } from 'vitest'
import { replaceValue } from '../../../renderer/runtime/agent/offline/respond'
import { converse } from '../../support/understanding/say-in-turn'

it.each([
  [
    "Arjun's nursery fees went up to £65 a day",
    '65',
    '£68',
    "Arjun's nursery fees went up to £68 a day",
  ],
  ['My rent is $1200 a month', '$1200 ', '$1250', 'My rent is $1250 a month'],
  ['I take 40mg of citalopram', '40', '80mg', 'I take 80mg of citalopram'],
  ['The pool is 25m long', '25', '50m', 'The pool is 50m long'],
  [
    'My son goes to Maplewood Elementary',
    'Maplewood',
    'Maple Grove Elementary',
    'My son goes to Maple Grove Elementary',
  ],
])('%s: %s → %s', (text, was, value, expected) => {
  expect(replaceValue(text, was, value)).toBe(expected)
})

it('a corrected amount reads as the person would write it', async () => {
  const { replies, items } = await converse([
    "Arjun's nursery fees went up to £65 a day which is mad",
    "actually it's £68 not 65",
  ])
  expect(replies[1]).not.toContain('££')
  const current = items.filter((i) => i.status === 'active').map((i) => i.text)
  expect(current.join(' ')).toContain('£68 a day')
})
