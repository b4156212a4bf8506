import { describe, expect, it } from 'vitest'
import { openAfter } from '../../support/understanding/say-in-turn'
import { bareFix } from '../../../renderer/runtime/understanding/bare-fix'
import { readStatus } from '../../../renderer/runtime/understanding/rules-status'

const stillOpen = async (messages: string[]): Promise<boolean[]> =>
  (await openAfter(messages)).map((i) => i.open)

describe('a fix told without naming what was fixed', () => {
  it.each([
    'Engineer came, swapped the router, working now alhamdulillah',
    'plumber came out, all sorted now',
    "it's all working again 🙏",
    'council roofer up the ladder this morning, sorted',
  ])('"%s" resolves the one open problem, not the open task', async (report) => {
    expect(
      await stillOpen([
        'the card machine keeps dropping the connection',
        'I need to pay the gas bill',
        report,
      ]),
    ).toEqual([false, true])
  })

  it('resolves nothing when two problems are open', async () => {
    expect(
      await stillOpen([
        'the card machine keeps dropping the connection',
        'the car makes a grinding noise when I brake',
        'engineer came, swapped the router, working now',
      ]),
    ).toEqual([true, true])
  })

  it('is a fix only with nothing named and no one working', () => {
    expect(bareFix('all working now')).toBe(true)
    expect(bareFix("I'm working now")).toBe(false)
    expect(bareFix('the van is working now')).toBe(false)
    expect(bareFix('all good')).toBe(false)
    expect(bareFix('roofer up the ladder this morning, sorted')).toBe(true)
    expect(bareFix('sorted the kids out, off to school')).toBe(false)
  })
})

describe('a fix told with "\'s been"', () => {
  it('"the leak\'s been fixed" is about the leak', () => {
    expect(
      readStatus({
        text: "the leak's been fixed",
        now: new Date(),
        correction: false,
        explicit: false,
      }),
    ).toEqual(expect.objectContaining({ about: 'leak', status: 'resolved' }))
  })
})
