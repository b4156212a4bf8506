import { describe, expect, it } from 'vitest'
import { readQuestion } from '../../../renderer/runtime/understanding/question'

const NOW = new Date('2026-05-04T09:00:00Z')

describe('"what are my goals?" asks for what they set out to do', () => {
  it.each([
    'what are my goals',
    'what are my goals for this year?',
    'list my ambitions',
    'any of my resolutions?',
  ])('%s → open tasks', (q) => {
    expect(readQuestion(q, NOW)).toMatchObject({ type: 'kind', kinds: ['task'], scope: 'open' })
  })

  it("what's my goal time for the marathon? asks for one thing", () => {
    expect(readQuestion("what's my goal time for the marathon?", NOW)?.type).toBe('lookup')
  })
})
