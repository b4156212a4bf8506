import { expect, it } from 'vitest'
import { asksHowLong, saysHowLong } from '../../../renderer/runtime/agent/offline/how-long'
import { converse } from '../../support/understanding/say-in-turn'

it('tells how long something has gone on from ages, times ago and times to come', () => {
  expect(asksHowLong('how long have I been an instructor')).toBe(true)
  expect(asksHowLong('how long I been doing this')).toBe(true)
  expect(asksHowLong('how long is my commute')).toBe(false)
  expect(saysHowLong('I been ADI for 11 years')).toBe(true)
  expect(saysHowLong('retired in 2019 after 30 years')).toBe(true)
  expect(saysHowLong('Tiana is 6 years old')).toBe(false)
  expect(saysHowLong('the visa runs out in 3 months')).toBe(false)
})

it('answers "how long have I been …" from the one item that says how long, in other words', async () => {
  const { replies } = await converse([
    "I'm a driving instructor in Slough",
    'been an ADI for 11 years now',
    'my car is a Ford Fiesta',
    'how long have I been an instructor',
  ])
  expect(replies.at(-1)).toContain('11 years')
})
