import { describe, expect, it } from 'vitest'
import type { Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'

/** Plays one conversation through the offline assistant and returns what went wrong. */
async function problems(turns: Turn[], now = '2026-05-18T09:00:00Z'): Promise<string[]> {
  const s = await evaluate({ description: 'inline', scenarios: [{ id: 'inline', now, turns }] })
  return s.failures.map((f) => `${f.turn}: ${f.problem}`)
}

describe('a thing told as handed over finishes the task to hand it over', () => {
  it.each([
    ['tax return is in', 'I have to file my tax return by January 31', 'tax return'],
    ["application's in!", 'need to send the grant application to the foundation', 'application'],
    ["parcel's gone off", 'I need to post the parcel back to ASOS', 'parcel'],
  ])('%s', async (report, task, word) => {
    expect(
      await problems([
        { say: task, expect: [{ kind: 'task', words: [word] }] },
        {
          say: report,
          expect: [{ kind: 'task', words: [word], action: 'update', status: 'done' }],
        },
      ]),
    ).toEqual([])
  })

  it('a person in is not a task done', async () => {
    // Whatever else is kept of "mum's in", the task to call her is not touched.
    const wrong = await problems([
      { say: 'I need to call mum about Sunday', expect: [{ kind: 'task', words: ['mum'] }] },
      { say: "mum's in", expect: [] },
    ])
    expect(wrong.filter((w) => w.includes('task'))).toEqual([])
  })
})

describe('some got so far, some to go', () => {
  it.each([
    [
      'got two quotes for the roof so far, waiting on a third',
      'need to get quotes for the roof',
      'roof',
    ],
    ['marked 20 essays, 12 to go', 'need to finish marking the year 9 essays', 'essays'],
    ['sent 40 invites so far', 'I need to send out the wedding invites', 'invites'],
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
