import { describe, expect, it } from 'vitest'
import { currentAfter } from '../../support/understanding/say-in-turn'

const holds = (current: string[], word: string): boolean => current.some((t) => t.includes(word))

describe('a move told with the bare verb ("exam move to 4 December")', () => {
  it.each([
    [
      'my guide exam at the APSARA office is on 27 November',
      'exam move to 4 December because the office have ceremony',
      '27 November',
      '4 December',
    ],
    [
      'my driving test at the Tema centre is on 12 March',
      'driving test shift to 19 March, examiner sick',
      '12 March',
      '19 March',
    ],
    [
      'the site inspection with the council is on 3 June',
      'site inspection move to 10 June pls note',
      '3 June',
      '10 June',
    ],
  ])('"%s", then "%s": the new day replaces the old', async (first, moved, was, now) => {
    const current = await currentAfter(['I live in Accra', first, moved])
    expect(holds(current, was)).toBe(false)
    expect(holds(current, now)).toBe(true)
  })

  it('a wish to move is no move', async () => {
    const current = await currentAfter([
      'my guide exam at the APSARA office is on 27 November',
      'I want to move to 4 December, I need more time',
    ])
    expect(holds(current, '27 November')).toBe(true)
  })
})
