import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { coordinated } from '../../../renderer/runtime/understanding/coordination'

const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [],
  )

describe('several things joined in one clause', () => {
  it('files two "X is Y" about different people as two facts', () => {
    expect(stored('my GP is Dr Shah and the practice nurse is Linda')).toEqual([
      'fact: My GP is Dr Shah',
      'fact: The practice nurse is Linda',
    ])
  })
  it('puts the shared verb back into parallel pairs', () => {
    expect(
      coordinated('we bank with Monzo for personal stuff and Starling for the business'),
    ).toEqual(['we bank with Monzo for personal stuff', 'we bank with Starling for the business'])
  })
  it('leaves one thing with two parts as one clause', () => {
    expect(coordinated('I like rice and beans')).toEqual(['I like rice and beans'])
    expect(coordinated('I use Python for work')).toEqual(['I use Python for work'])
    expect(coordinated('Ava is 9, which is a tricky age')).toEqual([
      'Ava is 9, which is a tricky age',
    ])
  })
})

describe('what only points back to the thing just said', () => {
  it('stays with it instead of being its own fact', () => {
    expect(stored("Josh's college day is Thursdays so I'm on my own those days")).toHaveLength(1)
    expect(stored('the clinic runs Saturdays in May, I do the early ones')).toHaveLength(1)
  })
})
