import { describe, expect, it } from 'vitest'
import { currentAfter } from '../../support/understanding/say-in-turn'

const holds = (current: string[], word: string): boolean => current.some((t) => t.includes(word))

describe('a new shift said plainly ("I am day shift from this week")', () => {
  it.each([
    ['Now I work night shift, 7 pm until 7 am', 'Roster change, I am day shift from this week'],
    ['I work nights at the bakery', "I'm days from monday, finally"],
    ['on the early shift at the depot', 'we are late shift now, whole crew moved'],
  ])('"%s", then "%s": the new shift replaces the old', async (first, now) => {
    const current = await currentAfter(['I live in Morowali', first, now])
    expect(current).toHaveLength(2)
    expect(holds(current, 'Morowali')).toBe(true)
  })

  it("someone else's shift leaves the speaker's current", async () => {
    const current = await currentAfter(['I work nights at the bakery', 'my wife is day shift now'])
    expect(holds(current, 'I work nights')).toBe(true)
  })
})
