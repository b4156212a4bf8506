import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [],
  )

describe('what a thing to do is for, said after it with "so"', () => {
  it('stays with the task, not a fact of its own', () => {
    expect(stored('need to finish the report tonight so I can take Friday off')).toEqual([
      'task: Finish the report tonight, so I can take Friday (March 6) off',
    ])
    expect(stored('I need to book the vet so we can go away in June')).toEqual([
      'task: Book the vet, so we can go away in June',
    ])
  })

  it('keeps the task due on its own day', () => {
    const [r] = analyze('need to finish the report by Thursday so I can take Friday off', NOW)
      .readings
    expect(r?.type === 'capture' && r.captures[0]?.due?.slice(0, 10)).toBe('2026-03-05')
  })

  it('leaves what cannot be done for the problem rules', () => {
    expect(stored("need to renew my passport, I can't travel without it")[0]).toBe(
      'task: Renew my passport',
    )
  })
})
