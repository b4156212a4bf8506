import { describe, expect, it } from 'vitest'
import { openAfter } from '../../support/understanding/say-in-turn'

describe('help arranged for a problem is a step toward its fix, not the fix', () => {
  it.each([
    [
      'my back has been killing me since the new seat was fitted',
      'booked a physio for the back, wednesday 10am',
    ],
    ["the van's fan belt squeals every morning", 'ordered a new fan belt, comes friday'],
    ['the dishwasher is leaking again', 'booked a plumber for the dishwasher on thursday'],
    ["Luna's been scratching her ears all week", 'made an appointment at the vet for Luna'],
    ['the laptop fan is grinding', 'ordered a replacement fan for the laptop'],
    ["the boiler won't fire up", 'scheduled the boiler service for next tuesday'],
  ])('%s / %s: still open', async (problem, step) => {
    expect(await openAfter([problem, step])).toEqual([expect.objectContaining({ open: true })])
  })

  it.each([
    ['the dishwasher is leaking again', 'plumber fixed the dishwasher'],
    ["the van's fan belt squeals every morning", 'fitted the new fan belt, no more squeal'],
    ['my back has been killing me', 'back is much better now'],
  ])('%s / %s: resolved', async (problem, fix) => {
    expect(await openAfter([problem, fix])).toEqual([expect.objectContaining({ open: false })])
  })

  it('a task to book is still done by booking it', async () => {
    expect(await openAfter(['need to book the MOT', 'booked the MOT for friday'])).toEqual([
      expect.objectContaining({ open: false }),
    ])
  })
})
