import { describe, expect, it } from 'vitest'
import type { Corpus, Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'

/** What each question was answered, in order. */
const replies = async (turns: Turn[]): Promise<string[]> => {
  const corpus: Corpus = {
    description: 'answers that must have the shape of what is asked',
    scenarios: [{ id: 'shape', now: '2026-05-04T10:00:00Z', turns }],
  }
  // A question that expects a word no reply has fails, so each reply comes back in the failures.
  return (await evaluate(corpus)).failures
    .filter((f) => f.problem.startsWith('answer'))
    .map((f) => f.reply)
}
const ask = (q: string): Turn => ({ ask: q, answer: ['\u0000'] })
const DONT_KNOW = /don't have anything about that/u

describe('questions whose answer has a shape of its own', () => {
  it('answers "how often" and "what time" with an item that says when, not one that only names it', async () => {
    const [often, time] = await replies([
      {
        say: 'My piano teacher is Mrs Hughes',
        expect: [{ kind: 'fact', words: ['Hughes'] }],
      },
      {
        say: 'Piano lessons are every Thursday at 5pm',
        expect: [{ kind: 'fact', words: ['Thursday'] }],
      },
      ask('how often do I have piano?'),
      ask('what time is piano'),
    ])
    expect(often).toContain('Thursday')
    expect(often).not.toContain('Hughes')
    expect(time).toContain('5pm')
    expect(time).not.toContain('Hughes')
  })

  it('does not count a date as how many', async () => {
    const [many] = await replies([
      {
        say: "I'm off on leave from the 18th Dec until 4 Jan",
        expect: [{ kind: 'fact', words: ['leave'] }],
      },
      ask('how many leave days do I have left?'),
    ])
    expect(many).toMatch(DONT_KNOW)
  })

  it('does not read the name of a day as the name asked for', async () => {
    const [called] = await replies([
      {
        say: "Dad's cardiology appointment is on Monday at 10",
        expect: [{ kind: 'fact', words: ['cardiology'] }],
      },
      ask("what's dad's cardiologist called?"),
    ])
    expect(called).toMatch(DONT_KNOW)
  })

  it('answers from what was told right after the item that names the thing', async () => {
    const [due] = await replies([
      {
        say: 'my husband Tom and I are expecting our second baby! due date is 2 May',
        expect: [
          { kind: 'fact', words: ['baby'] },
          { kind: 'fact', words: ['2 May'] },
        ],
      },
      { say: 'I work from home on Fridays', expect: [{ kind: 'fact', words: ['Fridays'] }] },
      ask('when is the baby due?'),
    ])
    expect(due).toContain('2 May')
  })

  it('answers how long replies should be with the length asked for in words', async () => {
    const [length] = await replies([
      {
        say: 'Keep your answers short please, I read them on my phone',
        expect: [{ kind: 'preference', words: ['short'] }],
      },
      ask('how long should your replies be?'),
    ])
    expect(length).toContain('short')
  })

  it('reads "till when" as asking when', async () => {
    const [until] = await replies([
      {
        say: 'I have to pay the deposit by the 20th',
        expect: [{ kind: 'task', words: ['deposit'] }],
      },
      ask('till when I can pay the deposit'),
    ])
    expect(until).toContain('20')
    expect(until).not.toMatch(/^Added/u)
  })
})
