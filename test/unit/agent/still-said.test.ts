import { describe, expect, it } from 'vitest'
import type { MemoryItemView } from '../../../shared/contract/models'
import { stillSaid } from '../../../renderer/runtime/agent/offline/still-said'
import { converse } from '../../support/understanding/say-in-turn'

const now = new Date('2026-05-04T10:00:00Z')
/** An old item and the correction that replaced it, as memory holds them. */
const corrected = (old: string, next: string): MemoryItemView[] =>
  [
    { id: 'old', text: old, status: 'superseded', supersededBy: 'new' },
    { id: 'new', text: next, status: 'active', supersededBy: null },
  ].map((item) => ({ item }) as unknown as MemoryItemView)
const kept = (old: string, next: string): string[] =>
  stillSaid(corrected(old, next), now).map((v) => v.item.text)

describe('what a correction left standing', () => {
  it('keeps the parts of the old item the correction does not name', () => {
    expect(
      kept(
        'Two years clean as of March, doing a plumbing course at Leeds College monday nights',
        'The course is thursday nights now',
      ),
    ).toEqual(['Two years clean as of March'])
    expect(kept('Jayden is 9 and Tiana is 6', 'Tiana turned 7 last week')).toEqual(['Jayden is 9'])
  })

  it('places a correction that names no word of the old item by its date', () => {
    expect(
      kept(
        'My day rate is £650 and the contract runs until 30 November',
        'extended to end of March',
      ),
    ).toEqual(['My day rate is £650'])
  })

  it('keeps nothing when the correction cannot be placed in one part, or replaces every part', () => {
    expect(kept('I work at Tesco on the tills', 'I moved to Aldi')).toEqual([])
    expect(kept('I live in Leeds, and work at Asda', 'We moved to York')).toEqual([])
    // "and" inside who does it, and a comma inside a number, part nothing.
    expect(
      kept(
        'Daniel and I are getting married on September 5 at Ashcombe Barn',
        'wedding is now the 12th',
      ),
    ).toEqual([])
    expect(kept('My rent is €1,450 a month', 'My rent is now €1,520')).toEqual([])
  })
})

it('answers from what a correction left standing when nothing current does', async () => {
  const { replies } = await converse([
    '18 months sober as of today, doing a level 3 bakery course at York College thursday nights',
    'the course is friday nights now, they moved it',
    'how long have I been sober',
  ])
  expect(replies.at(-1)).toContain('18 months sober')
  expect(replies.at(-1)).not.toContain('thursday')
})
