import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [r.type],
  )

describe('what a person says of themselves after asking something of the assistant', () => {
  it('is why they asked, kept with the request', () => {
    expect(stored('use 24 hour clock please, I mix up am and pm after nights')).toEqual([
      'preference: I want you to use 24 hour clock, I mix up am and pm after nights',
    ])
    expect(stored("don't be giving me recipes with truffle oil, can't stand the stuff")).toEqual([
      'preference: Do not be giving me recipes with truffle oil, I cannot stand the stuff',
    ])
    expect(stored("please don't ever suggest cinnamon or 'cures', i've had enough of that")).toEqual(
      ["preference: I don't want you to suggest cinnamon or 'cures', I have had enough of that"],
    )
  })
  it('still files a fact with its own subject, or a like that asks nothing of me', () => {
    expect(stored("keep answers short, I'm a nurse in Leeds")).toEqual([
      'preference: I want you to keep answers short',
      'fact: I am a nurse in Leeds',
    ])
    expect(stored("I love literary fiction but can't stand fantasy")).toEqual([
      'preference: I love literary fiction',
      'preference: I cannot stand fantasy',
    ])
  })
})
