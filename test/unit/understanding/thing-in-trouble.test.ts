import { describe, expect, it } from 'vitest'
import { thingInTrouble } from '../../../renderer/runtime/understanding/thing-in-trouble'
import { sayInTurn } from '../../support/understanding/say-in-turn'

const now = new Date('2026-05-18T09:00:00Z')

describe('a fault in one of their things, told without "I" or "my", is a problem', () => {
  it.each([
    'the ice machine behind the bar is dumping water all over the floor',
    'since tuesday the photocopier in the staff room prints every page with a grey stripe',
    'the milking machine on unit 3 loses vacuum halfway through',
    'The solar water heater in block B is not giving hot water since the frost',
    'Since Monday the laptop in the back office is very slow and the screen goes black sometimes',
    'the big scale at the packhouse shows wrong weight again',
    'the pressure washer spits and loses pressure after a minute',
  ])('"%s"', async (said) => {
    const items = await sayInTurn([said])
    expect(items.map((i) => i.kind)).toEqual(['issue'])
  })

  it.each([
    ['the kids are at swimming till 6', 'where people are'],
    ['the shop closes at 5 on saturdays', 'an opening time'],
    ['the harvest starts next monday', 'a day ahead'],
    ['the tractor is back from the dealer, good as new', 'a fix'],
    ['the grapes are ripening nicely this year', 'going well'],
    ['the weather is awful again this week', 'the weather'],
  ])('not "%s" (%s)', (said) => {
    expect(thingInTrouble(said, now)).toBe(false)
  })
})

describe('a clause led by when is not a job said without "I"', () => {
  it.each([
    'since tuesday the photocopier in the staff room prints every page with a grey stripe',
    'since monday the mixer at the bakery makes a grinding noise',
  ])('"%s"', async (said) => {
    const items = await sayInTurn([said])
    expect(items.map((i) => i.kind)).toEqual(['issue'])
    expect(items[0]!.text).not.toMatch(/^I am/u)
  })
})
