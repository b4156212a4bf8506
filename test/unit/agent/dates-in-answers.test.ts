import { expect, it } from 'vitest'
import { onDay } from '../../../renderer/runtime/agent/offline/answer'
import { converse } from '../../support/understanding/say-in-turn'

const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/u

it('a problem that was fixed is answered with the day spelt as a person writes it', async () => {
  const { replies } = await converse([
    'the washing machine is leaking again, water all over the kitchen floor',
    'Dev fixed the washing machine!',
    'is the washing machine still broken?',
  ])
  expect(replies[2]).toContain('resolved today')
  expect(replies[2]).not.toMatch(ISO_DAY)
})

it('says when a problem was resolved as a person would: today, yesterday, or the day', () => {
  const now = new Date(2026, 4, 18, 9, 30)
  expect(onDay(new Date(2026, 4, 18, 8, 0).toISOString(), now)).toBe('today')
  expect(onDay(new Date(2026, 4, 17, 23, 0).toISOString(), now)).toBe('yesterday')
  expect(onDay(new Date(2026, 4, 12, 10, 0).toISOString(), now)).toBe('on May 12')
})
