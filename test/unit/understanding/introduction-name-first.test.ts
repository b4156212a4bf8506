import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { readQuestion } from '../../../renderer/runtime/understanding/question'

const now = new Date('2027-01-12T10:00:00Z')
const texts = (text: string): string[] =>
  analyze(text, now).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.text) : [],
  )

describe('an introduction that goes on in pieces after the name', () => {
  it('keeps an age said in passing with the name', () => {
    expect(texts("I'm Chloe, 29, product designer at Penwright")).toEqual([
      'My name is Chloe; I am 29',
      'I am a product designer at Penwright',
    ])
    // An age said as a thing of its own stays one.
    expect(texts("I'm Anneliese, I'm 52, I manage a garden centre")).toContain('I am 52 years old')
  })

  it('reads a job said with where it is based as what they are', () => {
    expect(texts('hey! Jess, wedding photographer based in Kendal')).toContain('My name is Jess')
  })

  it('keeps a job named with its place after an age', () => {
    expect(texts("I'm Marcus, 52, long distance lorry driver out of Felixstowe")).toContain(
      'I am long distance lorry driver out of Felixstowe',
    )
    expect(texts("I'm Aroha, 45, primary teacher from Rotorua, mum of three")).toContain(
      'I am a primary teacher from Rotorua',
    )
  })

  it('reads a condition held since childhood as a piece of the introduction', () => {
    expect(
      texts("I'm Rob, 41, type 1 diabetic since I was 12, training for my first marathon"),
    ).toEqual([
      'My name is Rob; I am 41',
      'I am type 1 diabetic since I was 12',
      'Training for my first marathon',
    ])
    expect(texts("I'm Tom, 35, deaf since I was born, software tester at Sage")).toContain(
      'I am a software tester at Sage',
    )
  })

  it('reads a lower-case name followed by an age as the name', () => {
    expect(texts('alright im reece 19 doing a plumbing apprenticeship in bolton')).toEqual([
      'My name is Reece; I am 19',
      'I am doing a plumbing apprenticeship in bolton',
    ])
    expect(texts('hii im zara im 17 doing a levels')).toContain('My name is Zara')
    expect(texts('im jordan 25 from leeds')).toContain('My name is Jordan; I am 25')
    expect(texts('im done 2 weeks ago with the course').join(' ')).not.toMatch(/name/iu)
  })

  it('reads a name said alone after a hello in the same sentence', () => {
    expect(texts('Hi, Farah Haddad. I run a small consultancy in Toronto.')).toContain(
      'My name is Farah Haddad',
    )
    expect(texts('Hi, Monday. I need to book the car in.').join(' ')).not.toMatch(/name/iu)
  })

  it('reads a hello said with a word of respect or affection before the name', () => {
    expect(texts('hello po, Rodel here, 2nd engineer on a bulk carrier')).toContain(
      'My name is Rodel',
    )
    expect(texts('Hi my dear, Darlene here, I work at the crab plant')).toContain(
      'My name is Darlene',
    )
  })
})

describe('"who am I …" asking about someone else', () => {
  const subjects = (question: string): string[] => {
    const q = readQuestion(question, now)
    return q?.type === 'lookup' ? q.subjects : []
  }

  it('asks for the name only when nothing follows', () => {
    expect(subjects('who am i again')).toContain('name')
    expect(subjects('who am i apprenticed to')).not.toContain('name')
    expect(subjects('who am I meeting on Friday')).not.toContain('name')
  })
})
