import { describe, expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'

describe('"I have a report to write": the task says its verb first', () => {
  it.each([
    [
      "I've got a quote to send to Mrs Patel for her rewire by Friday",
      'send a quote to Mrs Patel for her rewire by Friday',
    ],
    ['I have a report to write by Monday', 'write a report by Monday'],
    ["I've got a parcel to post", 'post a parcel'],
    ['I have some forms to fill in for the council', 'fill in some forms for the council'],
  ])('"%s" → "%s"', async (said, told) => {
    const { items, replies } = await converse([said])
    expect(replies[0]).toContain(`Added to your tasks: ${told}`)
    expect(items.filter((i) => i.kind === 'task')).toHaveLength(1)
  })

  it.each(['I have nothing to do today', 'I have loads to do before Friday'])(
    '"%s" is how busy they are, not a task',
    async (said) => {
      const { items } = await converse([said])
      expect(items).toHaveLength(0)
    },
  )
})
