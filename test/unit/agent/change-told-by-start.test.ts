import { expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'

/**
 * A change told only by when it starts ("from March", "as of Monday", "starting next term") or by
 * what no longer holds ("not more in that school") is a change like "moved" or "now": asked how
 * things stand now, what was told since answers, not what it changed.
 */
it.each([
  [
    [
      'my sister Ines works as a nurse at the Royal Infirmary',
      'Ines is at the Western General from March',
      'where does Ines work now?',
    ],
    'Western',
    'Royal',
  ],
  [
    [
      'im on the early shift at the call centre, 6 till 2',
      'late shift from next week for me',
      'which shift am i on now',
    ],
    'late',
    'early',
  ],
  [
    [
      'our squad trains at the Oval pitch on tuesdays',
      'the squad trains at Kelburn park from next month, the Oval is being resurfaced',
      'where does the squad train now',
    ],
    'Kelburn',
    'Oval pitch',
  ],
  [
    [
      'my brother Tomas drives a van for DHL out of Leipzig',
      'as of Monday Tomas drives for UPS',
      'who does Tomas drive for these days',
    ],
    'UPS',
    'DHL',
  ],
  [
    [
      'My wife Grete is teacher at the school in Vik',
      'about Grete she is not more at that school, she teach at the college in Selfoss',
      'where does Grete teach now',
    ],
    'Selfoss',
    'Vik',
  ],
  [
    [
      'my locker at the depot is number 12 by the door',
      'starting this week my locker is number 40, upstairs',
      'what locker do i have now',
    ],
    '40',
    '12',
  ],
])('%j', async (messages, now, before) => {
  const { replies } = await converse(messages)
  const reply = replies.at(-1)!.toLowerCase()
  expect(reply).toContain(now.toLowerCase())
  expect(reply).not.toContain(before.toLowerCase())
})

/** A span of days or hours ("from Monday to Friday", "from 9 till 5") tells no change. */
it.each([
  [
    [
      'I work at the Royal library, mornings only',
      'my cousin works at the Royal library from Monday to Friday',
      'where do I work now',
    ],
    'mornings',
  ],
  [
    [
      'I teach piano at the music school in Aarhus',
      'I teach the kids at the music school from 3 till 6',
      'where do I teach now',
    ],
    'Aarhus',
  ],
])('%j', async (messages, still) => {
  const { replies } = await converse(messages)
  expect(replies.at(-1)).toContain(still)
})
