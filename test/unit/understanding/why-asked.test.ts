import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [],
  )

describe('why a request of the assistant was made is kept with the request', () => {
  it.each([
    ['Please answer in Swahili only, my English spelling is weak', 'Swahili'],
    ['Please use the 24 hour clock; the am pm thing confuses me.', '24 hour'],
    ["Do call me Bill; 'William' makes me feel like I'm in trouble.", 'Bill'],
    ["don't send reminders on Sundays, I'm trying to rest properly", 'Sundays'],
    ['Please keep the answers short, we are always on the move', 'short'],
    ['Please reply in French only, I am trying to practise for the DELF', 'French'],
    ['pls call me Bongi, the whole of Nomabongi takes too long to type', 'Bongi'],
    ['Please address me as Dr Okafor, patients sometimes read over my shoulder', 'Okafor'],
  ])('%s is one preference', (text, word) => {
    const items = stored(text)
    expect(items).toHaveLength(1)
    expect(items[0]).toMatch(/^preference: /u)
    expect(items[0]).toContain(word)
  })

  it.each([
    // A fault of its own, a day, a to-do, a liking of its own, someone's name and job.
    ['please keep replies short, my laptop keeps crashing', 'issue'],
    ['please reply in English, my exam is on 12 May', 'fact'],
    ['Please use metric, I need to order 20 sheets of ply by Friday', 'task'],
    ['Please keep answers short, my partner Dele is a nurse at Ikeja General', 'fact'],
  ])('%s keeps its second thing (%s)', (text, kind) => {
    const items = stored(text)
    expect(items.length).toBeGreaterThanOrEqual(2)
    expect(items.some((i) => i.startsWith(`${kind}:`))).toBe(true)
  })
})
