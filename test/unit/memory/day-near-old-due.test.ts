import { describe, expect, it } from 'vitest'
import { dayNearOldDue } from '../../../renderer/runtime/memory/amend-date'
import { converse } from '../../support/understanding/say-in-turn'
import { itemExtras } from '../../../shared/schema/item-extras'

const now = new Date('2026-03-04T09:00:00Z')
const localDay = (iso: string | null): string | null => {
  if (iso === null) return null
  const d = new Date(iso)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

describe('dayNearOldDue', () => {
  it.each([
    ['2026-04-07T12:00:00', 'the VAT return is due on the 14th', '2026-04-14'],
    ['2026-03-31T12:00:00', 'actually the renewal is the 20th', '2026-03-20'],
    ['2026-04-07T12:00:00', 'no wait, the client call is on Thursday', '2026-04-09'],
    // The old date's month has passed that day: the next such day from now is meant.
    ['2026-03-06T12:00:00', 'the landlord says the 2nd', null],
    // More than a day is said: read as said.
    ['2026-04-07T12:00:00', 'the VAT return is due on 14 May', null],
    ['2026-04-07T12:00:00', 'the VAT return is due tomorrow', null],
  ])('%s + "%s" → %s', (old, text, expected) => {
    expect(localDay(dayNearOldDue(new Date(old).toISOString(), text, now))).toBe(expected)
  })
})

it('a deadline corrected by its day alone moves within its month', async () => {
  const { items } = await converse(
    ['VAT return due 7th April', 'scratch that, the VAT return is due on the 14th'],
    '2026-03-04T09:00:00Z',
  )
  const current = items.filter((i) => i.status === 'active' && i.kind === 'task')
  expect(current).toHaveLength(1)
  expect(localDay(itemExtras(current[0]!).extras.due ?? null)).toBe('2026-04-14')
})
