import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { namedInPassing } from '../../../renderer/runtime/understanding/named-in-passing'

const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [r.type],
  )

describe('someone of the person named on the way to something else', () => {
  it('is kept as who they are when what they do is theirs', () => {
    expect(stored('Our lab manager Joon orders all reagents')).toEqual([
      'fact: My lab manager is Joon',
    ])
    expect(stored('Wife Brenda says I spend more time there than at home!')).toEqual([
      'fact: My wife is Brenda',
    ])
  })
  it("leaves others' news and views as chat", () => {
    expect(stored('my mate Ollie got engaged!')).toEqual(['chat'])
    expect(stored('my friend Rita said her new job is awful')).toEqual(['chat'])
    expect(stored('my coworker Dave says Kubernetes is overkill for us')).toEqual(['chat'])
  })
  it('does not take a possessive for a name', () => {
    expect(namedInPassing("my sister Greta's wedding is in June")).toBeNull()
    expect(namedInPassing('our lab manager Joon orders all reagents')).toBe(
      'my lab manager is Joon',
    )
  })
})
