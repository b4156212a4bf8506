import { expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'
import { asksNot, saysNot } from '../../../renderer/runtime/agent/offline/asks-not'

/** A question asked in the negative is answered by what is said in the negative. */
it.each([
  [['I like pizza', "I can't stand mushrooms"], "what food don't I like?", 'mushrooms', 'pizza'],
  [
    ["I'm off on Fridays", 'I work at the Co-op in Leeds'],
    'what day am I not working',
    'Fridays',
    'Co-op',
  ],
  [['I hate coriander', 'I love curry'], "what don't I like to eat", 'coriander', 'curry'],
])('%j: "%s"', async (said, question, want, not) => {
  const { replies } = await converse([...said, question])
  expect(replies.at(-1)).toContain(want)
  expect(replies.at(-1)).not.toContain(not)
})

it('reads a question and a text as negative', () => {
  expect(asksNot("which day don't I work")).toBe(true)
  expect(asksNot('what does Mia not like?')).toBe(true)
  expect(asksNot('what do not I like')).toBe(true)
  expect(asksNot('what do I like?')).toBe(false)
  expect(asksNot('when is my day off?')).toBe(false)
  expect(saysNot('coeliac so no gluten')).toBe(true)
  expect(saysNot("I don't teach on Sundays")).toBe(true)
  expect(saysNot('I work Monday to Saturday')).toBe(false)
})

/** "Figures ex VAT" is a wish in force, not something of the past like "my ex-boss". */
it('answers "how do I want figures shown?" from a wish that says "ex VAT"', async () => {
  const { replies } = await converse([
    'please give all figures ex VAT unless I say otherwise',
    'How do I want figures shown?',
  ])
  expect(replies.at(-1)).toContain('VAT')
})

/** "Which day don't I work?" is answered by the day said in the negative, whatever the work is called. */
it.each([
  [
    [
      'I am a driving instructor in Slough',
      'I do not teach on Sundays, that is Gurdwara and family',
      'Fiesta is at the garage, collect on Thursday',
    ],
    "which day don't I work",
    'Sunday',
    'Thursday',
  ],
  [
    ['Jess, wedding photographer based in Kendal', 'Never book me on a Sunday, that is family day'],
    "which day won't I work",
    'Sunday',
    'Kendal',
  ],
  [
    ['I do deliveries for Evri most days', 'no rounds on wednesdays, thats my day with the kids'],
    'what day am i not working',
    'wednesdays',
    'Evri',
  ],
])('%j: "%s"', async (said, question, want, not) => {
  const { replies } = await converse([...said, question])
  expect(replies.at(-1)).toContain(want)
  expect(replies.at(-1)).not.toContain(not)
})

it('does not answer a day off from something else not done', async () => {
  const { replies } = await converse([
    'I work Monday to Friday at the call centre',
    "I don't drink on school nights",
    "which day don't I work",
  ])
  expect(replies.at(-1)).not.toContain('drink')
})
