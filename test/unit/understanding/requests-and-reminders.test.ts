import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

const now = new Date('2026-03-02T10:00:00Z')
const captured = (text: string): Array<{ kind: string; text: string; key: string | null }> =>
  analyze(text, now).readings.flatMap((r) =>
    r.type === 'capture'
      ? r.captures.map((c) => ({ kind: c.kind, text: c.text, key: c.key ?? null }))
      : [],
  )

describe('how to answer, said as a bare "no X please"', () => {
  it('files "no bullet points please" as how to answer them', () => {
    expect(captured('no bullet points please')).toEqual([
      { kind: 'preference', text: 'I want no bullet points', key: 'answer style: format' },
    ])
  })

  it('answers questions about formatting from it', async () => {
    const corpus = scenario('format', [
      {
        say: 'no bullet points please',
        expect: [{ kind: 'preference', words: ['bullet points'] }],
      },
      { ask: 'how should you format answers?', answer: ['bullet points'] },
      { ask: 'any formatting preferences?', answer: ['bullet points'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})

describe('reminders with when said before what', () => {
  it.each([
    [
      'remind me every Monday at 9 to send the status report',
      'Send the status report every Monday at 9',
    ],
    ['remind me in the morning to take the bins out', 'Take the bins out in the morning'],
    ['remind me next week to look at flights to Spain', 'Look at flights to Spain'],
  ])('%s', (said, text) => {
    const tasks = captured(said).filter((c) => c.kind === 'task')
    expect(tasks).toHaveLength(1)
    expect(tasks[0]!.text.startsWith(text)).toBe(true)
  })
})
