import { describe, expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'

describe('"I gave up X" with nothing on record is news about the person', () => {
  it.each([
    ['I gave up smoking two years ago', 'you gave up smoking two years ago'],
    ['I quit drinking last year', 'you quit drinking last year'],
    ['I stopped eating meat', 'you stopped eating meat'],
  ])('"%s" is kept', async (said, told) => {
    const { items, replies } = await converse([said])
    expect(replies[0]).toBe(`Noted: ${told}.`)
    expect(items.filter((i) => i.status === 'active')).toHaveLength(1)
  })

  it('"I stopped running" still retracts "I go running on Sundays"', async () => {
    const { items, replies } = await converse(['I go running on Sundays', 'I stopped running'])
    expect(replies[1]).toMatch(/retracted/u)
    expect(items.filter((i) => i.status === 'active')).toHaveLength(0)
  })

  it('"I stopped at the garage" is not news of giving something up', async () => {
    const { replies } = await converse(['I stopped at the garage on the way home'])
    expect(replies[0]).not.toMatch(/^Noted: you stopped/u)
  })
})
