import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const now = new Date('2026-03-02T10:00:00Z')
const captures = (text: string): { kind: string; subject: string | null; text: string }[] =>
  analyze(text, now).readings.flatMap((r) =>
    r.type === 'capture'
      ? r.captures.map((c) => ({ kind: c.kind, subject: c.subject, text: c.text }))
      : [],
  )

describe("who someone is, said with 's", () => {
  it('reads "my supervisor\'s Martin Hale" whatever the case of "my" and the role', () => {
    expect(captures("My supervisor's Martin Hale, he's a partner")).toEqual([
      expect.objectContaining({ kind: 'fact', subject: 'supervisor name' }),
    ])
    expect(captures("my GP's Dr Shah")).toEqual([
      { kind: 'fact', subject: 'gp name', text: 'My GP is Dr Shah' },
    ])
  })

  it('leaves what belongs to them as theirs', () => {
    expect(captures("my sister's Tesla broke down").map((c) => c.text)).not.toContain(
      'My sister is Tesla broke down',
    )
  })
})

describe("where the person's children go", () => {
  it('is a fact when said of several of them', () => {
    expect(captures('our kids go to Parkside Primary')).toEqual([
      expect.objectContaining({ kind: 'fact', text: 'Our kids go to Parkside Primary' }),
    ])
  })
})
