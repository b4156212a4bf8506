import { describe, expect, it } from 'vitest'
import type { Corpus, Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'
import { akin } from '../../../renderer/runtime/agent/offline/akin'

const failures = async (turns: Turn[]): Promise<string[]> => {
  const corpus: Corpus = {
    description: 'forms of one word',
    scenarios: [{ id: 'akin', now: '2026-05-04T10:00:00Z', turns }],
  }
  return (await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem} — ${f.reply}`)
}

describe('akin', () => {
  it('matches forms of one word by their stem, for the words a person typed', () => {
    expect(akin('meeting', 'meet', true)).toBe(true)
    expect(akin('base', 'based', true)).toBe(true)
    expect(akin('meeting', 'meet', false)).toBe(false)
  })
  it('matches long words on their first five letters, stem or not', () => {
    expect(akin('nguyens', 'nguyen', false)).toBe(true)
    expect(akin('diabetes', 'diabetic', false)).toBe(true)
    expect(akin('hair', 'haircut', true)).toBe(false)
  })
})

describe('questions that use another form of the item’s word', () => {
  it('answers "where am I based?" from "based at Stansted"', async () => {
    expect(
      await failures([
        {
          say: 'Cabin crew for Ryanair, based at Stansted since spring',
          expect: [{ kind: 'fact', words: ['Stansted'] }],
        },
        { ask: 'where am I based', answer: ['Stansted'] },
      ]),
    ).toEqual([])
  })

  it('does not join the senses a topic stands for by stem ("savings", "save the dates")', async () => {
    expect(
      await failures([
        {
          say: 'Need to send the save the dates by end of the month',
          expect: [{ kind: 'task', words: ['save the dates'] }],
        },
        { ask: "what's our wedding budget?", unknown: true },
      ]),
    ).toEqual([])
  })
})
