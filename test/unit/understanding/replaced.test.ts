import { describe, expect, it } from 'vitest'
import { replacedOne } from '../../../renderer/runtime/understanding/replaced'
import { openAfter } from '../../support/understanding/say-in-turn'

const problems = [
  { text: 'Radio battery dies halfway through shift' },
  { text: 'My van got broke into last night, they took the key cutting machine' },
  { text: 'my phone screen is cracked' },
]

describe('a new one of a problem’s thing', () => {
  it.each([
    ['New battery issued.', 0],
    ['insurance paid out, got a new Silca machine', 1],
    ['got a new phone, the old one was on its last legs', 2],
    ['new battery in, lasting all shift', 0],
  ])('"%s" ends the problem it names', (said, n) => {
    expect(replacedOne(said, problems)).toBe(problems[n])
  })

  it.each([
    ['ordered a new battery, arrives wed', 'only ordered'],
    ['need a new phone', 'only wished for'],
    ['got a new job in Leeds!', 'names no open problem'],
    ['new battery from the stores maybe next week', 'not here yet'],
  ])('none for "%s" (%s)', (said) => {
    expect(replacedOne(said, problems)).toBeNull()
  })

  it('resolves the problem in a conversation and leaves the others open', async () => {
    const items = await openAfter([
      'Radio battery dies halfway through shift. Reported twice.',
      'my phone screen is cracked',
      'New battery issued. Lasting full shift.',
    ])
    expect(items.map((i) => i.open)).toEqual([false, true])
  })
})

describe('a new one not told as come', () => {
  it('"new phone plan starts Monday" ends nothing', () => {
    expect(
      replacedOne('new phone plan starts Monday', [{ text: 'my phone screen is cracked' }]),
    ).toBeNull()
  })
})
