import { describe, expect, it } from 'vitest'
import { currentAfter } from '../../support/understanding/say-in-turn'

describe('"it\'s the one on Gandy St": which one of what was just said', () => {
  it.each([
    [
      'yo its jess',
      'i work weekends at the Boston Tea Party cafe',
      "wait no, it's the one on Gandy St not the high st one",
      'Gandy St',
      'Boston Tea Party',
    ],
    [
      "I'm Marek",
      'we go to the Tesco by the ring road',
      'sorry, the big one, not the express',
      'big one',
      'Tesco',
    ],
    [
      'name is Ola',
      'I swim at the leisure centre most mornings',
      "no it's the one in Hulme",
      'Hulme',
      'leisure centre',
    ],
  ])('%s / %s / %s', async (name, said, fix, value, thing) => {
    const current = await currentAfter([name, said, fix])
    // The name stays as it was; the thing just said carries the correction.
    expect(current.filter((t) => /name/iu.test(t) && !t.includes(value))).toHaveLength(1)
    expect(current.some((t) => t.includes(thing) && t.includes(value))).toBe(true)
  })

  it('a name is still corrected by a name', async () => {
    const current = await currentAfter(["hi I'm Samantha", "no wait, it's Sam"])
    expect(current).toContain('My name is Sam')
  })
})
