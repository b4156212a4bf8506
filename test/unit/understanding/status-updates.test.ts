import { describe, expect, it } from 'vitest'
import type { Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'

/** Plays one conversation through the offline assistant and returns what went wrong. */
async function problems(turns: Turn[], now = '2026-05-18T09:00:00Z'): Promise<string[]> {
  const s = await evaluate({ description: 'inline', scenarios: [{ id: 'inline', now, turns }] })
  return s.failures.map((f) => `${f.turn}: ${f.problem}`)
}

describe('work reported part done', () => {
  it.each([
    ["roster's half done", 'need to do the roster for June by Sunday', 'roster'],
    [
      'postmortem draft is about half done',
      'I have to write the postmortem by Friday',
      'postmortem',
    ],
    ['done 10 of the reports so far', "I've 28 reports to write before the end of May", 'reports'],
    [
      'hospital bag: started, about half packed',
      'pack the hospital bag by mid June',
      'hospital bag',
    ],
  ])('%s is under way, not done', async (report, task, word) => {
    expect(
      await problems([
        { say: task, expect: [{ kind: 'task', words: [word] }] },
        {
          say: report,
          expect: [{ kind: 'task', words: [word], action: 'update', status: 'in_progress' }],
        },
      ]),
    ).toEqual([])
  })
})
