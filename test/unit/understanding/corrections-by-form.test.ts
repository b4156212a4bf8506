import { describe, expect, it } from 'vitest'
import type { Corpus, Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'

const play = async (turns: Turn[]): Promise<string[]> => {
  const corpus: Corpus = {
    description: 'corrections found by the form of the new value',
    scenarios: [{ id: 'form', now: '2026-03-04T09:00:00Z', turns }],
  }
  // Only the corrections and the questions are judged here; how earlier lines are filed is not.
  const judged = new Set(
    turns.flatMap((t) =>
      'ask' in t || t.expect.some((e) => e.action === 'supersede')
        ? ['ask' in t ? t.ask : t.say]
        : [],
    ),
  )
  return (await evaluate(corpus)).failures
    .filter((f) => judged.has(f.turn))
    .map((f) => `${f.turn}: ${f.problem} — ${f.reply}`)
}

describe('a correction finds what it corrects by the form of its value', () => {
  it('"correction: the flat is 41B" replaces flat 14B, even where that was filed as a problem', async () => {
    expect(
      await play([
        {
          say: "I'm in flat 14B btw, buzzer's broken so just call",
          expect: [{ kind: 'issue', words: ['14B'] }],
        },
        {
          say: 'my GP is Dr. Varga at the Riverside surgery',
          expect: [{ kind: 'fact', words: ['Varga'] }],
        },
        {
          say: 'correction: the flat is 41B, I always flip it',
          expect: [{ kind: 'fact', words: ['41B'], action: 'supersede', replaces: ['14B'] }],
        },
        { ask: 'who is my GP?', answer: ['Varga'] },
      ]),
    ).toEqual([])
  })

  it('"lessons moved to thursdays, marco\'s schedule changed" replaces the lessons\' day (even filed as a task), not the teacher', async () => {
    expect(
      await play([
        {
          say: 'started guitar lessons 🎸 wednesdays at 6. teacher is Marco, super patient',
          expect: [
            { kind: 'task', words: ['wednesdays'] },
            { kind: 'fact', words: ['Marco'] },
          ],
        },
        {
          say: "lessons moved to thursdays from next week, marco's schedule changed",
          expect: [
            { kind: 'fact', words: ['thursdays'], action: 'supersede', replaces: ['wednesdays'] },
          ],
        },
        { ask: 'who is my teacher?', answer: ['Marco'] },
      ]),
    ).toEqual([])
  })

  it('"sorry, earlier I meant 950 MXN an hour" half an hour later replaces the rate of 850', async () => {
    expect(
      await play([
        { say: 'I charge 850 MXN an hour', expect: [{ kind: 'fact', words: ['850'] }] },
        {
          say: 'need to send Verde the logo options by thursday',
          at: '2026-03-04T09:20:00Z',
          expect: [{ kind: 'task', words: ['logo'], due: '2026-03-05' }],
        },
        {
          say: 'sorry, earlier I meant 950 MXN an hour, I raised my rate in january',
          at: '2026-03-04T09:40:00Z',
          expect: [
            { kind: 'fact', words: ['950 MXN an hour'], action: 'supersede', replaces: ['850'] },
          ],
        },
      ]),
    ).toEqual([])
  })

  it('"wait no its tues and sat now, they changed the rota" replaces both days said before', async () => {
    expect(
      await play([
        {
          say: 'i work at the cafe on campus weds and sat',
          expect: [{ kind: 'fact', words: ['weds and sat'] }],
        },
        {
          say: 'wait no its tues and sat now, they changed the rota',
          expect: [
            { kind: 'fact', words: ['tues and sat'], action: 'supersede', replaces: ['weds'] },
          ],
        },
      ]),
    ).toEqual([])
  })

  it('a value said again differently replaces the old one: "more like 7 months", "pushed it back to the 9th"', async () => {
    expect(
      await play([
        {
          say: 'Runway is about 9 months at current burn which is fine-ish',
          expect: [{ kind: 'fact', words: ['9 months'] }],
        },
        {
          say: "Got the Nguyens' kitchen install on the 2nd",
          expect: [{ kind: 'fact', words: ['2nd'] }],
        },
        {
          say: "runway's more like 7 months after the new hire tbh",
          expect: [
            { kind: 'fact', words: ['7 months'], action: 'supersede', replaces: ['9 months'] },
          ],
        },
        {
          say: 'Nguyens pushed it back to the 9th, something with their plumber',
          expect: [{ kind: 'fact', words: ['9th'], action: 'supersede', replaces: ['2nd'] }],
        },
      ]),
    ).toEqual([])
  })

  it('"I switched jobs, I\'m at Fabrikam now" replaces a job said without the word "work"', async () => {
    expect(
      await play([
        {
          say: "hi! I'm Priya, backend dev at Northwind Traders",
          expect: [{ kind: 'fact', words: ['Northwind'] }],
        },
        {
          say: "Actually I switched jobs in January, I'm at Fabrikam now",
          expect: [
            { kind: 'fact', words: ['Fabrikam'], action: 'supersede', replaces: ['Northwind'] },
          ],
        },
      ]),
    ).toEqual([])
  })
})
