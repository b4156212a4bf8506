import { expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'

/** Asking how a problem or a task stands after it was fixed or done answers with how it ended. */
it.each([
  ['the boiler keeps cutting out', 'the boiler is fixed', 'is the boiler working?', 'boiler'],
  [
    'the boiler keeps cutting out',
    'the boiler is fixed',
    'what happened with the boiler?',
    'boiler',
  ],
  [
    'my laptop keeps crashing',
    'fixed the laptop, reinstalled the drivers',
    'is my laptop still crashing?',
    'laptop',
  ],
  [
    'need to renew the car insurance',
    'renewed the car insurance',
    'did I ever sort the car insurance?',
    'insurance',
  ],
  [
    'need to send the deposit to the landlord by Friday',
    'sent the deposit to the landlord',
    'did the deposit go through?',
    'deposit',
  ],
])('%s / %s / %s', async (problem, fixed, question, word) => {
  const { replies } = await converse([problem, fixed, question])
  expect(replies[2]).toContain(word)
  expect(replies[2]).toMatch(/resolved (?:on|today)|done/u)
})

it('a question that is not about how it stands still prefers what holds', async () => {
  const { replies } = await converse([
    'my old car was a Fiesta',
    'the car kept overheating',
    'the car is fixed now',
    'I drive a Golf now',
    'what car do I drive?',
  ])
  expect(replies[4]).toContain('Golf')
})

it('a problem over still answers what happened ("what got stolen from the van?")', async () => {
  const { replies } = await converse([
    'my van got broke into last night, they took the key cutting machine',
    'insurance paid out, got a new Silca machine',
    'what got stolen from the van?',
  ])
  expect(replies[1]).toMatch(/^Marked resolved/u)
  expect(replies[2]).toContain('key cutting machine')
})
