import { expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'

/** "What are my pronouns?" is answered by pronouns as people write them, without the word. */
it.each([
  [
    "hi, I'm Theo (he/him). Starting a new job next Monday at Sage in Newcastle",
    'what are my pronouns',
    'he/him',
  ],
  ['pls use they/them for me', 'pronouns?', 'they/them'],
  ['pls use they/them for me', 'what pronouns do I use', 'they/them'],
])('%s / %s', async (told, asked, pronouns) => {
  const { replies } = await converse([told, asked])
  expect(replies[1]).toContain(pronouns)
})
