import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [r.type],
  )

describe('what someone said the person must do', () => {
  it('is a task, with who said it', () => {
    expect(stored('my landlord said I have to clear the loft by Friday')).toEqual([
      'task: Clear the loft by Friday, March 6 (my landlord said)',
    ])
    expect(stored('the nurse told me I need to book a smear test')).toEqual([
      'task: Book a smear test (the nurse said)',
    ])
    expect(stored('the physio says I should book a follow-up scan')).toEqual([
      'task: Book a follow-up scan (the physio said)',
    ])
  })
  it('keeps a friend\'s "you should" as their advice, not a task', () => {
    expect(stored('my mate says I should get a dog')).not.toContainEqual(
      expect.stringMatching(/^task:/u),
    )
  })
})
