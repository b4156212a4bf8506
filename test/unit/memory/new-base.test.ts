import { describe, expect, it } from 'vitest'
import { currentAfter } from '../../support/understanding/say-in-turn'

const holds = (current: string[], word: string): boolean => current.some((t) => t.includes(word))

describe('the place the speaker works from, moved', () => {
  it.each([
    [
      'I am a shearer out of Gore',
      "we've shifted base down to Balclutha for the rest of the run",
      'Gore',
      'Balclutha',
    ],
    [
      'I run a little bakery stall at Hexham market',
      "moved the stall, we're at Tynemouth now",
      'Hexham',
      'Tynemouth',
    ],
    [
      'I run Fern & Moss, a florist out of a unit in Frome',
      "oh and we moved the unit, we're on the Marston Trading Estate now",
      'Frome',
      'Marston',
    ],
    [
      'Doing a run at the Fringe this August, my venue is the Gilded Balloon',
      "venue got swapped, I'm at the Pleasance now",
      'Gilded',
      'Pleasance',
    ],
    [
      'I fix bikes from a workshop in Penryn',
      'workshop relocated so I am working out of Truro now',
      'Penryn',
      'Truro',
    ],
    [
      'I sell tacos from a truck, usually parked up at Spinningfields',
      'pitch changed, im at Deansgate now',
      'Spinningfields',
      'Deansgate',
    ],
  ])('"%s", then "%s": the new place replaces the old', async (first, moved, was, now) => {
    const current = await currentAfter(['my sister lives in Cork', first, moved])
    expect(holds(current, was)).toBe(false)
    expect(holds(current, now)).toBe(true)
    expect(current).toContain('My sister lives in Cork')
  })

  it('a move of house replaces no place of work', async () => {
    const current = await currentAfter([
      'I work at Acme as a nurse',
      "we moved house, we're in London now",
    ])
    expect(current).toContain('I work at Acme as a nurse')
  })

  it('someone else moving their stall replaces nothing', async () => {
    const current = await currentAfter([
      'I run a bakery stall at Hexham market',
      'my brother moved his stall to Alnwick',
    ])
    expect(holds(current, 'Hexham')).toBe(true)
  })

  it('an event moved to a place is no move of where the speaker works', async () => {
    const current = await currentAfter([
      'I work at Boots in Derby',
      'we moved the office party to the Crown',
    ])
    expect(current).toContain('I work at Boots in Derby')
  })

  it('a move with no place named replaces nothing', async () => {
    const current = await currentAfter([
      'I am a shearer out of Gore',
      'we shifted base again, long day',
    ])
    expect(holds(current, 'Gore')).toBe(true)
  })
})

describe('what says when is not where', () => {
  it('"due in May" beside "out of Gore" leaves one fact that says where', async () => {
    const current = await currentAfter([
      "I'm a shearer out of Gore",
      "missus is Hine, she's due with our second in May",
      "we've shifted base down to Balclutha for the rest of the run",
    ])
    expect(holds(current, 'Gore')).toBe(false)
    expect(holds(current, 'Hine')).toBe(true)
  })
})

describe('a name is not a place', () => {
  it('"My name is Tama" beside "out of Gore" leaves one fact that says where', async () => {
    const current = await currentAfter([
      "kia ora, Tama here, I'm a shearer out of Gore",
      "we've shifted base down to Balclutha for the rest of the run",
    ])
    expect(holds(current, 'Gore')).toBe(false)
    expect(holds(current, 'Tama')).toBe(true)
  })
})
