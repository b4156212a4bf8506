import { describe, expect, it } from 'vitest'
import { lowerStart } from '../../../renderer/runtime/agent/offline/answer'

describe('an item told back inside a sentence starts in lower case unless it starts with a name', () => {
  it.each([
    ['Learning Spanish on Duolingo', 'learning Spanish on Duolingo'],
    ["Sort Alfie's school trip payment by Friday", "sort Alfie's school trip payment by Friday"],
    ['Book Dr Patel for Tuesday', 'book Dr Patel for Tuesday'],
    ['Renew my passport', 'renew my passport'],
  ])('%s', (text, told) => {
    expect(lowerStart(text)).toBe(told)
  })

  it.each([
    'Anna Kowalski is my landlady',
    'Mark Jones fixed the boiler',
    'I live in Leeds',
    'NHS app is down',
  ])('%s keeps its capital', (text) => {
    expect(lowerStart(text)).toBe(text)
  })
})
