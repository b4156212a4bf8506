import { describe, expect, it } from 'vitest'
import { capture } from '../../../renderer/runtime/understanding/capture'
import { dueInWords } from '../../../renderer/runtime/understanding/due-in-words'

const now = new Date(2026, 4, 18, 9, 0)
const day = (iso: string | null): string | null => {
  if (!iso) return null
  const d = new Date(iso)
  return `${d.getMonth() + 1}-${d.getDate()}`
}

describe('a deadline in words the date reader leaves alone', () => {
  it.each([
    ['Ring the insurers today about the van', '5-18'],
    ['Update my GPU drivers tonight', '5-18'],
    ['Submit the monthly fuel report to Deshpande sir before 25th', '5-25'],
    ['Send the chapter 3 draft to sir by 2nd', '6-2'],
  ])('"%s" is due on %s', (text, due) => {
    expect(day(dueInWords(capture('task', text), now).due)).toBe(due)
  })

  it('leaves a task with its own deadline, a task with none, and a fact as they are', () => {
    const dated = capture('task', 'Pay rent today', { due: '2026-05-20T12:00:00.000Z' })
    expect(dueInWords(dated, now)).toBe(dated)
    expect(dueInWords(capture('task', 'Renew my passport'), now).due).toBe(null)
    const fact = capture('fact', 'I am off today')
    expect(dueInWords(fact, now)).toBe(fact)
  })
})
