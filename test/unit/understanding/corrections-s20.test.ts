import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { currentAfter } from '../../support/understanding/say-in-turn'

const capturesOf = (text: string): { kind: string; text: string; subject: string | null }[] =>
  analyze(text, new Date('2026-05-18T09:00:00Z')).readings.flatMap((r) =>
    r.type === 'capture'
      ? r.captures.map((c) => ({ kind: c.kind, text: c.text, subject: c.subject }))
      : [],
  )

describe('a switch told with more after it (session 20)', () => {
  it('"switched to Affinity this week, cancelled the subscription" is a thing used, not a new employer', async () => {
    const current = await currentAfter([
      'i do everything in Adobe Illustrator and InDesign',
      'I work at Acme Print',
      'switched to Affinity this week, cancelled the subscription',
    ])
    expect(current).toContain('I work at Acme Print')
    const affinity = current.filter((t) => t.includes('Affinity'))
    expect(affinity).toHaveLength(1)
    expect(affinity[0]).not.toMatch(/\bwork at\b/u)
  })

  it('"switched to nights, the money is better" is a shift worked, not a thing used', () => {
    expect(capturesOf('switched to nights, the money is better').map((c) => c.kind)).toEqual([
      'fact',
    ])
  })

  it('"switched to Deloitte last month, same role" is a new employer', () => {
    expect(capturesOf('switched to Deloitte last month, same role')).toEqual([
      { kind: 'fact', text: 'I work at Deloitte', subject: 'employer' },
    ])
    expect(capturesOf('I switched to Deloitte as an analyst')[0]?.subject).toBe('employer')
  })
})

describe('"it\'s Becky does the books": who does something, not the speaker\'s name (session 20)', () => {
  it('a name followed by a verb of its own replaces the fact about that person, not the name', async () => {
    const current = await currentAfter([
      "I'm Callum, tree surgeon",
      'my partner Becky does the books for me Sunday nights',
      'sorry its Becky does the books on Mondays she reminded me',
    ])
    expect(current).toContain('My name is Callum')
    expect(current.some((t) => t.includes('Sunday'))).toBe(false)
    expect(current.some((t) => t.includes('Mondays'))).toBe(true)
  })

  it('"it\'s Becky who does them" is not an introduction either', () => {
    expect(capturesOf("it's Becky who does the books").some((c) => c.subject === 'name')).toBe(
      false,
    )
    expect(capturesOf("it's Jordan, marketing manager at Acme")[0]?.subject).toBe('name')
  })
})

describe('changes told as news that were missed (session 20)', () => {
  it('"I\'m at Superdrug now, same job" replaces the old place of work', async () => {
    const current = await currentAfter([
      'I work at Boots in the pharmacy',
      'my sister lives in Cork',
      "I'm at Superdrug now, same job",
    ])
    expect(current.some((t) => t.includes('Boots'))).toBe(false)
    expect(current.some((t) => t.includes('Superdrug'))).toBe(true)
    expect(current).toContain('My sister lives in Cork')
  })

  it('"since last week I am in Revolut, same job" is a new employer; "I am in Tesco now" is not', () => {
    expect(capturesOf('since last week I am in Revolut, same job')[0]?.subject).toBe('employer')
    expect(capturesOf('I am in Tesco now')[0]?.subject ?? null).toBe(null)
  })

  it('"I turned 39 yesterday" replaces the age said before', async () => {
    const current = await currentAfter([
      "I'm 38",
      'my sister lives in Cork',
      'I turned 39 yesterday',
    ])
    expect(current).toContain('I am 39 years old')
    expect(current).not.toContain('I am 38 years old')
  })

  it('"got a pay rise to £12.20" replaces the hourly pay said before', async () => {
    const current = await currentAfter([
      'I get paid £11.50 an hour',
      'my sister lives in Cork',
      'got a pay rise to £12.20',
    ])
    expect(current.some((t) => t.includes('£11.50'))).toBe(false)
    expect(current.some((t) => t.includes('£12.20'))).toBe(true)
    expect(current).toContain('My sister lives in Cork')
  })
})

describe('what a change is about, told in other words (session 20)', () => {
  it('"the inspectors moved it to the 28th" moves the inspection, not the deadline beside it', async () => {
    const current = await currentAfter([
      'Inspection letter came Friday, Education Scotland are in on the 26th. Need the self-evaluation done by the 23rd',
      'my depute is Craig Bell',
      'no wait, the inspectors moved it to the 28th',
    ])
    expect(current.some((t) => t.includes('26th'))).toBe(false)
    expect(current.some((t) => t.includes('28th'))).toBe(true)
    expect(current.some((t) => t.includes('self-evaluation'))).toBe(true)
  })

  it('"Gareth left so now I report to Nina" replaces what said Gareth was the lead', async () => {
    const current = await currentAfter([
      'my team lead is Gareth',
      'my sister lives in Cork',
      'Gareth left so now I report to Nina',
    ])
    expect(current).not.toContain('My team lead is Gareth')
    expect(current).toContain('My sister lives in Cork')
  })

  it('"my GP changed, it\'s now Dr Evans" replaces the GP held before', async () => {
    const current = await currentAfter([
      'my GP is Dr Shah',
      'my sister lives in Cork',
      "my GP changed, it's now Dr Evans",
    ])
    expect(current).not.toContain('My GP is Dr Shah')
    expect(current.some((t) => t.includes('Dr Evans'))).toBe(true)
  })

  it('news of one of their people ("my dad\'s on warfarin now") replaces nothing else about them', async () => {
    const current = await currentAfter([
      'my dad lives in Leeds',
      'my brother works at Tesco',
      "my dad's on warfarin now",
      "my brother's car is a Golf now",
    ])
    expect(current).toContain('My dad lives in Leeds')
    expect(current).toContain('My brother works at Tesco')
  })
})

describe('short corrections that name the new value (session 20)', () => {
  it('"correction, it lands 9:40pm" gives the time of what was said before', async () => {
    const current = await currentAfter([
      'my flight lands at 7:40pm',
      'my sister lives in Cork',
      'correction, it lands 9:40pm',
    ])
    expect(current).toContain('My flight lands at 9:40pm')
    expect(current).toContain('My sister lives in Cork')
  })

  it('"sorry I meant amoxicillin not penicillin" replaces the word it names', async () => {
    const current = await currentAfter([
      "I'm allergic to penicillin",
      'I have a bad knee',
      'sorry I meant amoxicillin not penicillin',
    ])
    expect(current).toContain('I am allergic to amoxicillin')
    expect(current).toContain('I have a bad knee')
  })

  it('"moved to C wing from Monday" says when, not what it moved from, and is no new employer', () => {
    const [c] = capturesOf('Moved to C wing from Monday')
    expect(c?.kind).toBe('fact')
    expect(c?.subject ?? null).toBe(null)
    expect(c?.text).toMatch(/C wing/u)
  })
})
