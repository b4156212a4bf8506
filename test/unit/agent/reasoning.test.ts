import { describe, expect, test } from 'vitest'
import { splitReasoning } from '../../../renderer/runtime/agent/reasoning'

describe('reasoning is kept out of the answer', () => {
  test('a <think> block', () => {
    expect(splitReasoning('<think>\nThe user wants a fact saved.\n</think>\n\nNoted.')).toEqual({
      text: 'Noted.',
      reasoning: 'The user wants a fact saved.',
    })
  })
  test('an unclosed block still streaming hides everything after it', () => {
    expect(splitReasoning('<think>Let me think about')).toEqual({
      text: '',
      reasoning: 'Let me think about',
    })
  })
  test('a close tag without an open one (the template opened it)', () => {
    expect(splitReasoning('Weighing it up.</think>Your dentist is Dr. Lee.')).toEqual({
      text: 'Your dentist is Dr. Lee.',
      reasoning: 'Weighing it up.',
    })
  })
  test('text without reasoning is returned as it is', () => {
    expect(splitReasoning('  Plain answer.  ')).toEqual({
      text: '  Plain answer.  ',
      reasoning: '',
    })
  })
})
