import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const now = new Date('2026-03-02T10:00:00Z')
const texts = (text: string): string[] =>
  analyze(text, now).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.text) : [],
  )

describe('what follows a name in an introduction', () => {
  it('is not something the person is when it names no job, number, name or place', () => {
    expect(texts("Hi I'm Ravi, night owl")).toEqual(['My name is Ravi'])
  })

  it('is how many of something they have when it starts with a count', () => {
    expect(texts("I'm Tom, two kids")).toEqual(['My name is Tom', 'I have two kids'])
  })

  it('is still their job, age, condition or diet', () => {
    expect(texts("I'm Sam, solo dev")).toContain('I am a solo dev')
    // (An age said in passing is kept with the name.)
    expect(texts("I'm Chloe, 29, product designer at Penwright")).toEqual([
      'My name is Chloe; I am 29',
      'I am a product designer at Penwright',
    ])
    expect(texts("I'm Ana, coeliac")).toContain('I am coeliac')
    expect(texts("I'm Mei, vegetarian")).toContain('I am vegetarian')
  })
})
