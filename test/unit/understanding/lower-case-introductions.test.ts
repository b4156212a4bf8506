import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [],
  )

describe('an introduction typed in lower case without stops', () => {
  it('after a greeting, "im dean" names the person and what follows is apart', () => {
    expect(stored('hiya im dean i run a small landscaping business in swindon')).toEqual([
      'fact: My name is Dean',
      'fact: I run a small landscaping business in swindon',
    ])
    expect(stored('hiya im dean')).toEqual(['fact: My name is Dean'])
  })

  it('"my name is dean i run…" ends the name where the next thing starts', () => {
    expect(stored('hello my name is dean i run a landscaping business')).toEqual([
      'fact: My name is Dean',
      'fact: I run a landscaping business',
    ])
  })

  it('a hello with "dear" or "there" before the name is not part of it', () => {
    expect(stored('hello dear my name is Margaret')).toEqual(['fact: My name is Margaret'])
    expect(stored('hi there my name is Tom')).toEqual(['fact: My name is Tom'])
  })

  it('after a greeting, "its kai, 17" names the person; "its fine" and "its me" do not', () => {
    expect(stored('yo its kai, 17, doing a levels in maths and physics')).toEqual([
      'fact: My name is Kai; I am 17',
      'fact: I am doing a levels in maths and physics',
    ])
    expect(stored('hey its me again')).toEqual([])
    expect(stored('hi its fine, no rush')).toEqual([])
  })

  it('"im 34 i live in hull" is an age and a home', () => {
    expect(stored('im 34 i live in hull')).toEqual([
      'fact: I am 34 years old',
      'fact: I live in hull',
    ])
  })

  it('without a greeting, a lone word after "im" is how they are, not a name', () => {
    expect(stored('im skint')).toEqual([])
    expect(stored('im gutted')).toEqual([])
  })

  it('"my name is actually sam" is the name Sam', () => {
    expect(stored('my name is actually sam')).toEqual(['fact: My name is Sam'])
  })
})
