import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const kinds = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.kind) : [],
  )

describe('an errand for their health is a task, not a fact about them', () => {
  it.each([
    'need to order new glasses',
    'I need to order more insulin',
    'I need to renew my asthma prescription',
  ])('%s', (said) => {
    expect(kinds(said)).toEqual(['task'])
  })

  it.each([
    'I wear glasses',
    'I need glasses for driving',
    'I need an inhaler',
    'I need to use my inhaler before a run',
    'I need to wear glasses for driving',
  ])('%s is still who they are', (said) => {
    expect(kinds(said)).toEqual(['fact'])
  })
})
