import { describe, expect, it } from 'vitest'
import { onlyAcknowledges } from '../../../renderer/runtime/agent/offline/acknowledgement'
import { converse } from '../../support/understanding/say-in-turn'

describe('a message that only acknowledges', () => {
  it.each([
    'lol',
    'ok cool',
    '👍',
    'haha nice',
    'cool 😎👍',
    'k',
    'Okay!!',
    'sounds good',
    'yep, got it',
  ])('%s', (text) => {
    expect(onlyAcknowledges(text)).toBe(true)
  })

  it.each([
    'ok so I moved to Leeds',
    'okay the boiler is broken',
    'haha this is fun',
    'cool, my exam went well',
    'fine, I will ring the bank tomorrow',
    'no',
  ])('%s says more', (text) => {
    expect(onlyAcknowledges(text)).toBe(false)
  })

  it('gets a short reply that says nothing was stored', async () => {
    const { replies, items } = await converse(['ok cool', '👍'])
    expect(replies).toEqual([
      'OK. Nothing in that to remember.',
      'OK. Nothing in that to remember.',
    ])
    expect(items).toEqual([])
  })

  it('a list under a header does not report the header as unstored', async () => {
    const { replies } = await converse([
      'things to do this week:\n- renew car insurance by Thursday\n- book flu jab',
    ])
    expect(replies[0]).not.toMatch(/kept the rest/u)
    expect(replies[0]).toMatch(/book flu jab/u)
  })
})
