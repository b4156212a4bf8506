import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { expand } from '../../../renderer/runtime/understanding/text'
import { letterEdges } from '../../../renderer/runtime/understanding/word-boundary'

const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [],
  )

describe('chat shorthand is spelled out only at word edges of any script', () => {
  it.each([
    ['we have two boys, Bárður and Jákup', 'Bárður'],
    ['my husband Ġużeppi died four years ago', 'Ġużeppi'],
    ['my cousin Łukasz lives in Gdańsk', 'Łukasz'],
    ['our dog is called Tðu', 'Tðu'],
    ['my son Jónur starts school in August', 'Jónur'],
    ['Ngāuru is my tutor', 'Ngāuru'],
  ])('"%s" keeps %s whole', (text, name) => expect(expand(text)).toContain(name))

  it('still spells out "u" and "ur" standing alone', () => {
    expect(expand('can u send ur address')).toBe('can you send your address')
    expect(expand('Bárður said ur late')).toBe('Bárður said your late')
  })

  it('stores a name with letters outside ASCII as typed', () => {
    expect(stored('we have two boys, Bárður and Jákup')).toEqual([
      'fact: We have two boys, Bárður and Jákup',
    ])
  })

  it('reads an escaped backslash before "b" as a backslash and a letter', () => {
    expect(letterEdges(/a\\b/u).test('a\\b')).toBe(true)
    expect(letterEdges(/\bur\b/gu).test('Bárður')).toBe(false)
  })
})

describe('"im" before a capitalised name is "I am"', () => {
  it.each([
    ['yinz ready? Im Dom Kowalczyk, I paint bridges for a contractor', 'Dom Kowalczyk'],
    ['hi! im Brittany Kowalchuk, i coach figure skating', 'Brittany Kowalchuk'],
    ['kia ora im Tane Tuuta, paua diver out of Waitangi', 'Tane Tuuta'],
    ["g'day im Shazza, I drive road trains out of Port Hedland", 'Shazza'],
    ['Im Maximilian Weber, I fix organs in Leipzig', 'Maximilian Weber'],
    ['im Priya, nurse at the Royal Free', 'Priya'],
  ])('"%s" names %s', (text, name) => expect(stored(text)).toContain(`fact: My name is ${name}`))

  it('leaves "im" alone before what is not a name', () => {
    expect(stored('im Sommer fahren wir nach Italien')).toEqual([])
    expect(expand('Im going to Spain next week')).toBe('I am going to Spain next week')
    expect(stored('Im not sure about Tuesday')).toEqual([])
    expect(stored('Im Bett bleiben wir heute')).toEqual([])
  })
})
