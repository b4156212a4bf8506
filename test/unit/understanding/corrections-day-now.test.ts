import { describe, expect, it } from 'vitest'
import { findDates } from '../../../renderer/runtime/understanding/dates'
import { sayInTurn } from '../../support/understanding/say-in-turn'

const MONDAY = new Date('2026-05-18T09:00:00Z')

describe('a new value told with "now" after it', () => {
  it('"bin day is Wednesday now" is Wednesday, not the present moment', () => {
    const [found] = findDates('bin day is Wednesday now', MONDAY)
    expect(found?.phrase).toBe('Wednesday')
    expect(found?.iso.slice(0, 10)).toBe('2026-05-20')
    expect(found?.hasTime).toBe(false)
  })

  it('"got the job at Ridgeway!" replaces where the speaker worked', async () => {
    const items = await sayInTurn([
      "I'm a teaching assistant at St Mary's",
      'got the job at Ridgeway!',
    ])
    const current = items.filter((i) => i.status === 'active').map((i) => i.text)
    expect(current.some((t) => t.includes('Ridgeway'))).toBe(true)
    expect(current.some((t) => t.includes("St Mary's"))).toBe(false)
  })
})
