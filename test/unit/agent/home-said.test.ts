import { expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'

/** "Where do I live?" is answered by a home said by what it is, and by the last one told. */
it.each([
  [['I got a room in Splott now, way cheaper', 'where do i live'], 'Splott', null],
  [
    [
      'I live in cathays with 3 other lads',
      'I got a room in splott now, way cheaper',
      'where do i live',
    ],
    'splott',
    'cathays',
  ],
  [
    [
      'I rent a tiny apartment in Kutchan with another instructor',
      'We just moved into the staff dorms up in Hirafu, so much closer to the lifts',
      'where do I live now',
    ],
    'Hirafu',
    'Kutchan',
  ],
  [['I share a house with 2 nurses in Headingley', 'where am I living'], 'Headingley', null],
  [['we have bought a bungalow in Rhyl', 'where do I live?'], 'Rhyl', null],
])('%j', async (messages, home, before) => {
  const { replies } = await converse(messages)
  expect(replies.at(-1)).toContain(home)
  if (before !== null) expect(replies.at(-1)).not.toContain(before)
})

it('does not read a meeting in a room as a home', async () => {
  const { replies } = await converse([
    'I have a meeting in the conference room at 3',
    'where do I live?',
  ])
  expect(replies.at(-1)).not.toContain('conference')
})

it('answers who they live with from a home said by what it is', async () => {
  const { replies } = await converse([
    'I rent a tiny apartment in Kutchan with another instructor, Mei from Vancouver',
    'who do I live with',
  ])
  expect(replies.at(-1)).toContain('Mei')
})
