import { describe, expect, it } from 'vitest'
import { isQuestion } from '../../../renderer/runtime/understanding/question'
import { converse } from '../../support/understanding/say-in-turn'

describe('asking without a question mark or a question word', () => {
  it.each([
    'gate code again pls',
    'my wifi password again',
    'i forgot my gate code',
    "I can't remember what my dentist is called",
    'cant remember where I parked',
    "don't remember the alarm code",
  ])('"%s" is a question', (text) => {
    expect(isQuestion(text)).toBe(true)
  })

  it.each([
    'I forgot my keys at work',
    'the printer jammed again',
    'running late again',
    'I forgot to call the vet',
  ])('"%s" is not', (text) => {
    expect(isQuestion(text)).toBe(false)
  })

  it('is answered from memory and stores nothing', async () => {
    const { replies, items } = await converse([
      'the gate code is 4471',
      'gate code again pls',
      'i forgot my gate code',
    ])
    expect(replies[1]).toContain('4471')
    expect(replies[2]).toContain('4471')
    expect(items).toHaveLength(1)
  })
})
