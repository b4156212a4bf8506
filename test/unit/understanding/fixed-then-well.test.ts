import { describe, expect, it } from 'vitest'
import { openAfter } from '../../support/understanding/say-in-turn'
import { fixedThenWell } from '../../../renderer/runtime/understanding/fixed-then-well'

const stillOpen = async (messages: string[]): Promise<boolean[]> =>
  (await openAfter(messages)).map((i) => i.open)

describe('a repair told with how the thing is now', () => {
  it.each([
    [
      'the projector in my classroom keeps cutting out every ten minutes',
      'the IT man swapped the bulb, no more flickering',
    ],
    ["the spare room radiator isn't heating up at all", "Phil bled it and it's toasty now"],
    ['back brake is squealing like mad', 'new pads in, stops proper now'],
    [
      'the extraction fan is very loud and not suck good anymore',
      'man come fix it, he change the motor, now quiet and strong',
    ],
    ['De port engine a overheat since last week', 'Impeller change dun, engine cool cool now'],
    [
      'the printer keeps printing streaky pages',
      'she put a new cartridge in and it prints perfect now',
    ],
    ['the smoke alarm in the hall keeps chirping at night', 'changed the battery, silent now'],
    [
      'our washing machine leaks from the bottom every wash',
      'the repair guy replaced the door seal, bone dry now',
    ],
    [
      "the gate at the bottom of the garden won't latch",
      'dad planed the edge down and it shuts fine now',
    ],
  ])('"%s" … "%s" resolves the one open problem', async (problem, report) => {
    expect(await stillOpen([problem, report])).toEqual([false])
  })

  it('resolves nothing when two problems are open', async () => {
    expect(
      await stillOpen([
        'the smoke alarm in the hall keeps chirping at night',
        'the car makes a grinding noise when I brake',
        'changed the battery, silent now',
      ]),
    ).toEqual([true, true])
  })

  it('is a repair and how it holds, not news of a person or the weather', () => {
    expect(fixedThenWell('the IT man swapped the bulb, no more flickering')).toBe(true)
    expect(fixedThenWell('moved the sofa into the back room, looks much better now')).toBe(false)
    expect(fixedThenWell("walked the dog, it's snowing now")).toBe(false)
    expect(fixedThenWell('changed jobs last month, much happier now')).toBe(false)
    expect(fixedThenWell('need to change the bulb, no more flickering please')).toBe(false)
    expect(fixedThenWell('swapped the bulb but still flickering now')).toBe(false)
  })
})

describe('advice followed is not a repair', () => {
  it('"GP says try melatonin and a fixed wind-down, doing that now" resolves nothing', () => {
    expect(fixedThenWell('GP says try melatonin and a fixed wind-down, doing that now')).toBe(false)
  })
})

describe('a new value is not how a repair held', () => {
  it.each(['swapped shifts, its fridays n sundays now', 'changed the alarm, its 6am now'])(
    '"%s" is no fix',
    (text) => {
      expect(fixedThenWell(text)).toBe(false)
    },
  )
})
