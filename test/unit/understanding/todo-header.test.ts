import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const NOW = new Date('2026-05-04T09:00:00Z')
const tasks = (text: string): string[] =>
  analyze(text, NOW)
    .readings.flatMap((r) => (r.type === 'capture' ? r.captures : []))
    .filter((c) => c.kind === 'task')
    .map((c) => c.text)

describe('a "TODO" header without its colon', () => {
  it.each([
    ["TODO write the postmortem for tuesday's outage by friday", 'Write the postmortem'],
    ['todo ring mum re xmas', 'Ring mum'],
    ['To-do renew the domain before it lapses', 'Renew the domain'],
    ['TODO order more printer paper', 'Order more printer paper'],
  ])('%s → a task without the header', (text, start) => {
    const found = tasks(text)
    expect(found).toHaveLength(1)
    expect(found[0]!.startsWith(start)).toBe(true)
  })

  it.each(['todo list is a mess today', 'To-do apps never stick for me'])(
    '%s is not a task',
    (text) => {
      expect(tasks(text)).toEqual([])
    },
  )
})
