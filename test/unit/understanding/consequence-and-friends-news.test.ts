import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [r.type],
  )

describe('what a person does because of a fact', () => {
  it('stays with the fact when joined on with "so"', () => {
    expect(stored('I am allergic to latex so I use only nitrile gloves')).toEqual([
      'fact: I am allergic to latex, so I use only nitrile gloves',
    ])
    expect(stored("i have gestational diabetes so i'm watching carbs")).toEqual([
      'fact: I have gestational diabetes, so I am watching carbs',
    ])
    expect(stored("I'm diabetic so I check my sugar four times a day")).toEqual([
      'fact: I am diabetic, so I check my sugar four times a day',
    ])
  })

  it('still files what needs doing because of it as a task of its own', () => {
    const said = stored('Stipend ends in March, so I need to apply for the writing-up fund')
    expect(said).toContain('task: Apply for the writing-up fund')
    expect(said).toHaveLength(2)
  })

  it('keeps two facts joined by "and" apart', () => {
    expect(stored("I'm a nurse and I live in Leeds")).toHaveLength(2)
  })
})

describe("a friend's news", () => {
  it('is theirs, not a fact of the person to keep', () => {
    expect(stored('My friend Carla just got a faculty job in Madrid, so happy for her')).toEqual([
      'chat',
    ])
    expect(stored('my friend Tom just got a job at Google')).toEqual(['chat'])
    expect(stored('my neighbour Jim just retired after 40 years')).toEqual(['chat'])
    expect(stored('my mate Dave got a promotion, lucky him')).toEqual(['chat'])
  })

  it('leaves family news about work and who a friend is as facts', () => {
    expect(stored('and my brother Luis just started at Google as an SRE')).toHaveLength(1)
    expect(stored('my best friend is Hannah')).toEqual(['fact: My best friend is Hannah'])
  })
})
