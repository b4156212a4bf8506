import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { currentAfter } from '../../support/understanding/say-in-turn'

const kindsOf = (text: string): string[] =>
  analyze(text, new Date('2026-05-18T09:00:00Z')).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.kind) : [],
  )

describe('a move of house with more said after it (session 21)', () => {
  it('"I moved to Didsbury, much closer to work now" is a new home, not a choice', async () => {
    expect(kindsOf('I moved to Didsbury, much closer to work now')).toEqual(['fact'])
    const current = await currentAfter([
      'I live in Chorlton with my partner',
      'I moved to Didsbury, much closer to work now',
    ])
    expect(current.some((t) => t.includes('Chorlton'))).toBe(false)
    expect(current.some((t) => t.includes('Didsbury'))).toBe(true)
  })

  it('"I prefer tea to coffee" is still a choice', () => {
    expect(kindsOf('I prefer tea to coffee')).toEqual(['preference'])
  })
})

describe('someone new in a role the speaker named, told as news (session 21)', () => {
  it('"my contact at Lumora changed, it\'s now Malte" replaces "contact person is Svenja"', async () => {
    const current = await currentAfter([
      'Biggest client at the moment is Lumora, a fintech from Hamburg, contact person is Svenja',
      "My contact at Lumora changed, it's now Malte, the old one went on parental leave",
    ])
    expect(current.some((t) => t.includes('Svenja'))).toBe(false)
    expect(current.some((t) => t.includes('Malte'))).toBe(true)
    expect(current.some((t) => t.includes('Lumora, a fintech'))).toBe(true)
  })
})

describe('a switch of design or accounts software (session 21)', () => {
  it('"switched to Affinity this week" replaces "I do everything in Adobe Illustrator and InDesign"', async () => {
    const current = await currentAfter([
      "I'm an illustrator, mostly kids books",
      'i do everything in Adobe Illustrator and InDesign',
      'switched to Affinity this week, cancelled the subscription',
    ])
    expect(current.some((t) => t.includes('InDesign'))).toBe(false)
    expect(current.some((t) => t.includes('Affinity'))).toBe(true)
    expect(current).toContain('I am an illustrator, mostly kids books')
  })

  it('"switched to FreeAgent" replaces "I do my books in Xero"', async () => {
    const current = await currentAfter([
      'I do my books in Xero',
      'switched to FreeAgent last month',
    ])
    expect(current.some((t) => t.includes('Xero'))).toBe(false)
  })
})

describe('a new home said with someone else named (session 21)', () => {
  it('"we moved to Leeds to be near mum" replaces "I live in Chorlton with my partner"', async () => {
    const current = await currentAfter([
      'I live in Chorlton with my partner',
      'my sister lives in Cork',
      'we moved to Leeds to be near mum',
    ])
    expect(current.some((t) => t.includes('Chorlton'))).toBe(false)
    expect(current.some((t) => t.includes('Leeds'))).toBe(true)
    expect(current).toContain('My sister lives in Cork')
  })
})

describe('the opposite found out later (session 21)', () => {
  it('"turns out I\'m not allergic to penicillin after all" replaces the allergy, not the other one', async () => {
    const current = await currentAfter([
      "I'm allergic to penicillin",
      "I'm allergic to cats",
      "turns out I'm not allergic to penicillin after all",
    ])
    expect(current).not.toContain('I am allergic to penicillin')
    expect(current).toContain('I am allergic to cats')
  })
})

describe('a bare correction of a phrase just said (session 21)', () => {
  it('"actually it\'s a full marathon now" changes the half marathon, not the latest thing said', async () => {
    const current = await currentAfter([
      "I'm training for a half marathon in April",
      'more like 5 hours these days',
      "actually it's a full marathon now",
    ])
    expect(current).toContain('Training for a full marathon in April')
    expect(current.some((t) => t.includes('half marathon'))).toBe(false)
    expect(current).toContain('More like 5 hours these days')
  })
})

describe('a time said to hold now (session 21)', () => {
  it('"I catch the 7:15 now" replaces "I get the 7:45 train to work"', async () => {
    const current = await currentAfter(['I get the 7:45 train to work', 'I catch the 7:15 now'])
    expect(current.some((t) => t.includes('7:45'))).toBe(false)
  })

  it('with two times held, neither is guessed at', async () => {
    const current = await currentAfter([
      'I get the 7:45 train to work',
      'my dentist is on the 20th at 3pm',
      'I catch the 7:15 now',
    ])
    expect(current).toContain('I get the 7:45 train to work')
  })
})
