import { describe, expect, it } from 'vitest'
import { awaitsPart, partFor } from '../../../renderer/runtime/understanding/part-awaited'
import { problemsAfter } from '../../support/understanding/say-in-turn'

describe('a part or replacement ordered for an open problem', () => {
  it.each([
    ['the chiller fridge is buzzing and not cold enough', 'he order new one, maybe next week'],
    [
      'the boiler keeps losing pressure',
      'plumber came, says the expansion vessel is gone, has to order one',
    ],
    [
      'the tandoor is cracked at the base and losing heat',
      'new tandoor from Manchester ordered, 3 weeks delivery',
    ],
    ['my ebike battery only lasts 30 miles now', 'ordered a new battery, 500 quid, arrives wed'],
    [
      'our wifi keeps dropping out in the evenings',
      'BT engineer came, says the router is faulty, new one on its way',
    ],
  ])('after "%s", "%s" is a note on that problem, still open', async (trouble, word) => {
    const problems = await problemsAfter([trouble, word])
    expect(problems).toEqual([expect.objectContaining({ open: true, note: word })])
  })

  it('a part told without a name is for the one problem of a thing, not of the body', async () => {
    const problems = await problemsAfter([
      "my knee's been swelling up after runs",
      "the washing machine won't drain",
      "repair guy says the pump's gone, he's ordering a part",
    ])
    expect(problems.map((p) => p.note)).toEqual([
      null,
      "repair guy says the pump's gone, he's ordering a part",
    ])
  })

  it('is not a part awaited once it is here, or only meant', () => {
    expect(awaitsPart('part on order')).toBe(true)
    expect(awaitsPart('new battery fitted, working now')).toBe(false)
    expect(awaitsPart('part came this morning, all sorted')).toBe(false)
    expect(awaitsPart('I might order a new one')).toBe(false)
    expect(awaitsPart('must order a replacement queen by Wednesday')).toBe(false)
  })

  it('names no problem when a thing is ordered for nothing open', () => {
    const knee = [{ text: 'My knee swells up after runs' }]
    expect(partFor('ordered a new dress for the wedding', knee)).toBeNull()
    expect(partFor('part on order', knee)).toBeNull()
  })
})
