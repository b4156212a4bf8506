import { describe, expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'

describe('food or drink left off for now is a fact about the person', () => {
  it.each([
    ["I'm off dairy at the moment, doctor's orders", 'you are off dairy at the moment'],
    ["I'm not drinking at the moment", 'you are not drinking at the moment'],
    ['im off the booze till christmas', 'you are off the booze till christmas'],
    ["I've been avoiding gluten", 'you have been avoiding gluten'],
  ])('"%s" → "%s"', async (said, told) => {
    const { replies } = await converse([said])
    expect(replies[0]).toContain(`Noted: ${told}`)
  })

  it.each(["I'm off work this week", "I'm off to Spain on Friday", "I'm not drinking that"])(
    '"%s" is not a diet',
    async (said) => {
      const { items } = await converse([said])
      expect(items.some((i) => /dairy|drinking|diet/iu.test(i.text) && i.kind === 'fact')).toBe(
        false,
      )
    },
  )
})
