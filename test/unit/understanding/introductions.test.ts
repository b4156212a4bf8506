import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const facts = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.subject ?? '-'}: ${c.text}`) : [],
  )

describe('how people introduce themselves', () => {
  it.each([
    ['hey so this is Tendai I run the night shift at the depot', 'My name is Tendai'],
    ["ok voice note, it's Siobhan, practice nurse at Millbrook surgery", 'My name is Siobhan'],
    ["Good morning o. I'm Adaeze, product designer at Paystack", 'My name is Adaeze'],
    [
      "I'm Dr Olamide Bello, registrar in paediatrics at St George's",
      'My name is Dr Olamide Bello',
    ],
    ['Mateus, I build furniture out of reclaimed oak', 'My name is Mateus'],
    ['Kerry-Ann, dental nurse at Smile Clinic in Luton', 'My name is Kerry-Ann'],
    ['Salam! I am Yusuf and I teach maths', 'My name is Yusuf'],
    ["yo, I'm Priya", 'My name is Priya'],
    [
      'Hi — Tomás Reyes, second-year associate at Brandt & Cole, Denver office',
      'My name is Tomás Reyes',
    ],
  ])('%s', (text, name) => {
    expect(facts(text)).toContain(`name: ${name}`)
  })

  it('does not take a name ending like a nationality for one', () => {
    expect(facts("I'm Anneliese")).toEqual(['name: My name is Anneliese'])
    expect(facts("I'm Therese")).toEqual(['name: My name is Therese'])
    expect(facts("I'm Japanese")).toEqual(['nationality: I am Japanese'])
  })

  it('keeps what they do beside their name', () => {
    expect(facts("Good morning o. I'm Adaeze, product designer at Paystack").join(' | ')).toContain(
      'product designer at Paystack',
    )
  })

  it('reads the office they work from, and never as their employer', () => {
    expect(
      facts('Hi — Tomás Reyes, second-year associate at Brandt & Cole, Denver office'),
    ).toContain('-: I work from the Denver office')
  })

  it('does not take a lower-case word that is not a name for one', () => {
    expect(facts('I am fine, thanks for asking').join()).not.toContain('name:')
    expect(facts('Tired, I worked a double shift').join()).not.toContain('name:')
  })

  it('does not take a greeting, a weekday or someone else for the person', () => {
    expect(facts('Salaam, I own a corner shop on Leeds Road').join()).not.toContain('name:')
    expect(facts("it's Monday, I'm shattered").join()).not.toContain('name:')
    expect(facts('Sarah, my manager, is off sick this week').join()).not.toContain('name:')
  })
})
