import { expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'

/** "Where am I working now?" is answered by the change told since, not by what it changed. */
it.each([
  [
    [
      'I work as picker in the big Rexa warehouse outside Daventry, agency contract through StaffLine',
      'My shift is mon to thu 6am till 4:30pm',
      'Agency move me to the Corby site from Monday',
      'where am I working now?',
    ],
    'Corby',
    'Daventry',
  ],
  [
    [
      'I have three jobs, cleaning offices 5 to 8, housekeeping at the Premier Inn 10 to 3, and houses on saturdays',
      'my back is killing me',
      'I stopped the hotel one, too much for my back. I now only two jobs',
      'how many jobs do I have now',
    ],
    'two',
    'Premier Inn',
  ],
])('%j', async (messages, now, before) => {
  const { replies } = await converse(messages)
  expect(replies.at(-1)).toContain(now)
  expect(replies.at(-1)).not.toContain(before)
})

it('without "now" still answers with what was first told', async () => {
  const { replies } = await converse([
    'I work as picker in the big Rexa warehouse outside Daventry',
    'Agency move me to the Corby site from Monday',
    'where do I work?',
  ])
  expect(replies[2]).toContain('Daventry')
})

/**
 * A change told since that answers the question too stands for what it changed, asked with or
 * without "now": "when is book club?" after it moved.
 */
it.each([
  [
    [
      'the Patel wedding is at Hartsfield Manor on the 12th',
      'Patel venue changed, its at the Crown Hotel now',
      "where's the Patel wedding",
    ],
    'Crown',
    'Hartsfield',
  ],
  [
    [
      'my passport expires 3 June',
      'passport renewed, new expiry is June 2036',
      'when does my passport expire',
    ],
    '2036',
    '3 June',
  ],
  [
    [
      'line dance class is Tuesday and Thursday 7pm at the CC',
      'line dance shift to Wednesday night already, CC renovating',
      'when is my line dance now',
    ],
    'Wednesday',
    'Tuesday',
  ],
])('%j', async (messages, now, before) => {
  const { replies } = await converse(messages)
  expect(replies.at(-1)).toContain(now)
  expect(replies.at(-1)).not.toContain(before)
})
