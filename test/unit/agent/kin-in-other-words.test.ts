import { expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'
import { kinSaid } from '../../../renderer/runtime/understanding/lexicon'

/** "My lad", "our boy": a son named the way many Englishes name one answers a question about a son. */
it.each([
  [['my lad Tomasz is 14'], '14'],
  [['our boy Kwame just turned 6', 'my sister lives in Accra'], '6'],
])('%j answers "how old is my son?"', async (said, age) => {
  const { replies } = await converse([...said, 'how old is my son?'])
  expect(replies.at(-1)).toContain(age)
})

it('reads a lad or a boy as a son only after "my" or "our"', () => {
  expect(kinSaid('my eldest lad starts uni in October')).toEqual(['son'])
  expect(kinSaid('our little girl is teething')).toEqual(['daughter'])
  expect(kinSaid('the young lad Cian does the weekend milkings')).toEqual([])
  expect(kinSaid('a boy in my class keeps teasing her')).toEqual([])
})

/** "My missus", "our bairn": WordNet's other words for a relation answer a question that names it. */
it.each([
  [['my missus is Shaz and the kids are Tyler and Mia'], "who's my wife", 'Shaz'],
  [['our bairn is 4 and at nursery'], 'how old is my child?', '4'],
])('%j answers "%s"', async (said, question, want) => {
  const { replies } = await converse([...said, question])
  expect(replies.at(-1)).toContain(want)
})

it('does not read a relation into a word further up WordNet', async () => {
  const { replies } = await converse([
    'my manager there is Tomasz Wojcik, he is pretty chill',
    "what's my dog's name?",
  ])
  expect(replies.at(-1)).not.toContain('Tomasz')
})
