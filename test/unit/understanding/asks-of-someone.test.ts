import { describe, expect, it } from 'vitest'
import { isQuestion } from '../../../renderer/runtime/understanding/question'
import { converse } from '../../support/understanding/say-in-turn'

describe('"did Sam call" typed without a question mark', () => {
  it.each([
    'did dr rees get back to me about the placement',
    'did Access to Work pay yet',
    'did sam call',
    'did mum text me back',
    'does mia have swimming tomorrow',
    'did my passport come',
  ])('"%s" is a question', (text) => {
    expect(isQuestion(text)).toBe(true)
  })

  it.each([
    'did Pilates this morning',
    'did yoga today',
    'did the hygiene course, passed 90%',
    'did the booster at the same visit, one less thing',
    'did laundry cleaned the kitchen',
    'did my 10k run this morning',
    'do not let me forget to sign the permission slip',
  ])('"%s" is not', (text) => {
    expect(isQuestion(text)).toBe(false)
  })

  it('is answered from memory, not read as news', async () => {
    const { replies, items } = await converse([
      'I need to email my placement coordinator Dr Rees by Friday to swap weeks',
      'did dr rees get back to me about the placement',
    ])
    expect(replies[1]).toContain('Rees')
    expect(replies[1]).not.toMatch(/marked done/iu)
    expect(items.filter((i) => i.kind === 'task' && i.taskStatus === 'done')).toHaveLength(0)
  })
})
