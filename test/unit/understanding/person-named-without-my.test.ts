import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const now = new Date('2026-03-02T10:00:00Z')
const kept = (text: string): string[] =>
  analyze(text, now).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [],
  )
const facts = (text: string): string => kept(text).join(' | ')

describe('a person of theirs named without "my"', () => {
  it('is one of theirs, with or without "name"', () => {
    expect(kept('Wife Carol, in Kalispell.')).toEqual(['fact: My wife is Carol'])
    expect(kept('Husband Tom')).toEqual(['fact: My husband is Tom'])
    expect(kept('Boss name Mr Teo, quite chill one')).toEqual([
      "fact: My boss's name is Mr Teo, quite chill one",
    ])
    expect(facts('wife name Amaka, she is a nurse')).toContain('Amaka')
    expect(facts('Supervisor name Mrs Achieng')).toContain('Achieng')
    expect(facts('Daughter Priya, in Leicester')).toContain('Priya')
    expect(facts('son name Tunde')).toContain('Tunde')
  })

  it('is not a name when none follows, nor a sentence about something else', () => {
    expect(kept('Manager name changed last week')).toEqual([])
    expect(kept('Boss name is on the form')).toEqual([])
    expect(facts('Wife said the boiler is leaking again')).not.toContain('My wife is')
  })
})

describe('a name said as on the phone after a hello the greeting list does not know', () => {
  it('names them', () => {
    expect(kept('Aye, Callum here. I am the ice tech at the curling rink in Perth')).toEqual([
      'fact: My name is Callum',
      'fact: I am the ice tech at the curling rink in Perth',
    ])
    expect(kept('right lads, Gav here, plasterer')).toEqual([
      'fact: My name is Gav',
      'fact: I am a plasterer',
    ])
    expect(kept('gud evening, Tomasz here')).toEqual(['fact: My name is Tomasz'])
    expect(facts('howya, Ciarán here, freelance sound engineer')).toContain('My name is Ciarán')
    expect(facts('Ey up duck, Shirley here, I run the kilns at a pottery')).toContain(
      'My name is Shirley',
    )
  })

  it('is no name after a lead with someone in it, or for a relation', () => {
    expect(kept('Sorry all, Mum here')).toEqual([])
    expect(kept("I'm outside, Tom here says hi")).not.toContain('fact: My name is Tom')
  })

  it('keeps a request after the introduction a request', () => {
    expect(kept('my name is Dwayne but call me Dukes')).toEqual([
      'fact: My name is Dwayne',
      'preference: I like to be called Dukes',
    ])
  })
})

describe('a first and family name after a hello, then a role', () => {
  it('names them and says what they do', () => {
    expect(kept('Morning, Hamish Tait, stock agent with Rural Co out of Feilding')).toEqual([
      'fact: My name is Hamish Tait',
      'fact: I am a stock agent with Rural Co out of Feilding',
    ])
    expect(kept('Hi, Nadia Outerbridge, pricing actuary at a reinsurer in Hamilton')).toEqual([
      'fact: My name is Nadia Outerbridge',
      'fact: I am pricing actuary at a reinsurer in Hamilton',
    ])
    expect(facts('hello, Grace Mwangi, charge nurse at a clinic in Nakuru')).toContain(
      'My name is Grace Mwangi',
    )
    expect(kept('this is Gordie MacPhail I farm potatoes near Kensington')).toEqual([
      'fact: My name is Gordie MacPhail',
      'fact: I farm potatoes near Kensington',
    ])
    expect(kept('Myself Senthil Kumar')).toEqual(['fact: My name is Senthil Kumar'])
  })

  it('is not their name when what follows is said of someone else', () => {
    expect(kept('hello, Ola Nordmann, works for the council')).toEqual([])
    expect(kept('Hi, Sarah Jones, my manager, is off sick')).not.toContain(
      'fact: My name is Sarah Jones',
    )
  })
})

describe('a title before a family name, said of one of theirs', () => {
  it('keeps the whole name, never the title alone', () => {
    expect(facts('Need to pay the shop rent by the 15th. Landlord Mr Bedi.')).toContain(
      'My landlord is Mr Bedi',
    )
    expect(facts('my landlord Mr Bedi')).toContain('Mr Bedi')
    expect(facts('Landlady Mrs Okonjo wants the rent early this month')).not.toMatch(
      /Mrs$|Mrs\b(?! Okonjo)/u,
    )
    expect(facts('my physio Ms Tanaka says rest it for a week')).not.toMatch(/is Ms$/u)
    expect(facts('our head teacher Mr. Dlamini retires in June')).not.toMatch(/is Mr\.?$/u)
  })
})
