import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { friendsNews } from '../../../renderer/runtime/understanding/friends-news'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const kinds = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.kind) : [],
  )

describe("a friend's or colleague's news", () => {
  it.each([
    'My colleague Tom is retiring at Easter.',
    'my apprentice Jodie passed her bloodborne pathogens course 🎉',
    'my friend Sarah is moving to Canada in June',
    'my coworker Jen is leaving for a job at Google next month',
    'my housemate Gwen got engaged last night',
    'my friend Priya got into Oxford',
  ])('%s is theirs, not a fact of the person to keep', (text) => {
    expect(kinds(text)).toEqual([])
  })

  it.each([
    'my best friend Lou lives in Bristol',
    'my colleague Raj is covering my shifts',
    'my friend Sam is working at the Co-op now',
    'my apprentice tyler starts monday',
    'my cousin is getting married in June',
  ])('%s is still kept', (text) => {
    expect(kinds(text)).toEqual(['fact'])
  })

  it('reads the name by its capital, not as the news', () => {
    expect(friendsNews('my colleague Tom is retiring at Easter')).toBe(true)
    expect(friendsNews('my colleague is retiring at Easter')).toBe(true)
    expect(friendsNews('my colleague tom is great')).toBe(false)
  })
})
