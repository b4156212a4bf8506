import { describe, expect, it } from 'vitest'
import { findDate } from '../../../renderer/runtime/understanding/dates'
import { converse } from '../../support/understanding/say-in-turn'
import { itemExtras } from '../../../shared/schema/item-extras'

const now = new Date('2026-05-04T09:00:00Z')
const day = (iso: string | undefined | null): string | null => {
  if (!iso) return null
  const d = new Date(iso)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

describe('a day the sentence denies is not the day it tells', () => {
  it.each([
    ['not the 28th anymore, the publisher moved the demo to May 5', '2026-05-05'],
    ["it's no longer the 12th, they moved the inspection to the 19th", '2026-05-19'],
    ['not friday any more the client pushed the review to monday', '2026-05-11'],
    ['the fitting is not on the 20th, it is the 22nd', '2026-05-22'],
    ["wedding isn't the 6th of June now, its the 13th of June", '2026-06-13'],
  ])('"%s" → %s', (text, expected) => {
    expect(day(findDate(text, now)?.iso)).toBe(expected)
  })

  it.each([
    ['the parcel will not come, not until Friday', '2026-05-08'],
    ['I am not free till Friday', '2026-05-08'],
    ['not sure, maybe the 20th', '2026-05-20'],
  ])('"%s" still tells %s', (text, expected) => {
    expect(day(findDate(text, now)?.iso)).toBe(expected)
  })
})

it('a deadline moved after denying the old day takes the new day', async () => {
  const { items } = await converse(
    [
      "I'm shipping the Steam demo by the 28th",
      'not the 28th anymore, the publisher moved the demo to May 5',
    ],
    '2026-05-04T09:00:00Z',
  )
  const current = items.filter((i) => i.status === 'active' && i.kind === 'task')
  expect(current.map((i) => day(itemExtras(i).extras.due))).toEqual(['2026-05-05'])
})
