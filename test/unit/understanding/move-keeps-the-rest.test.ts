import { describe, expect, it } from 'vitest'
import { sayInTurn } from '../../support/understanding/say-in-turn'

const current = (items: Awaited<ReturnType<typeof sayInTurn>>, words: RegExp): boolean =>
  items.some((i) => i.status === 'active' && words.test(i.text))

describe("someone's move replaces where they live, not everything else said of them", () => {
  it.each([
    ['my son David rings every Sunday evening', "David's moving to Bristol next month", /rings/iu],
    [
      'my sister Aoife does the school pickup on Fridays',
      'Aoife is moving to Cork in the summer',
      /pickup/iu,
    ],
  ])('"%s", then "%s": the first stays current', async (first, move, kept) => {
    const items = await sayInTurn([first, move])
    expect(current(items, kept)).toBe(true)
    expect(current(items, /moving/iu)).toBe(true)
  })

  it('a move still replaces where the person lived', async () => {
    const items = await sayInTurn(['my brother Sam lives in York', 'Sam moved to Leeds'])
    expect(current(items, /York/u)).toBe(false)
    expect(current(items, /Leeds/u)).toBe(true)
  })
})
