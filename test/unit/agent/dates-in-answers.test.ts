import { expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'

const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/u

it('a problem that was fixed is answered with the day spelt as a person writes it', async () => {
  const { replies } = await converse([
    'the washing machine is leaking again, water all over the kitchen floor',
    'Dev fixed the washing machine!',
    'is the washing machine still broken?',
  ])
  expect(replies[2]).toContain('resolved on May 18')
  expect(replies[2]).not.toMatch(ISO_DAY)
})
