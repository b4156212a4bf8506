import { expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'

/**
 * "Who is the hospice's medical director?" asks for a director: an item that only names the
 * hospice, or someone else, does not answer it.
 */
it('does not answer "the hospice\'s medical director" with the hospice or the GP', async () => {
  const { replies } = await converse([
    "I am the chaplain at St Brannoc's Hospice",
    'My blood pressure is creeping up, GP wants me on amlodipine 5mg from Tuesday',
    "who is the hospice's medical director?",
  ])
  expect(replies[2]).toMatch(/don't have anything/iu)
})

it('still answers what the thing of something is when it is told', async () => {
  const { replies } = await converse([
    "The hospice's medical director is Dr Okafor",
    "who is the hospice's medical director?",
  ])
  expect(replies[1]).toContain('Okafor')
})
