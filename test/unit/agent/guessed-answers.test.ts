import { describe, expect, it } from 'vitest'
import type { Corpus, Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'
import { hasAnswerForm } from '../../../renderer/runtime/agent/offline/answer-form'

/** What each question was answered, in order. */
const replies = async (turns: Turn[]): Promise<string[]> => {
  const corpus: Corpus = {
    description: 'answers that share little with the question',
    scenarios: [{ id: 'guess', now: '2026-05-04T10:00:00Z', turns }],
  }
  // A question that expects a word no reply has fails, so each reply comes back in the failures.
  return (await evaluate(corpus)).failures
    .filter((f) => f.problem.startsWith('answer'))
    .map((f) => f.reply)
}
const ask = (q: string): Turn => ({ ask: q, answer: ['\u0000'] })

describe('questions answered by an item that shares only what they are about', () => {
  it('answers "when" from an item with a date that names the thing, read as the item reads it', async () => {
    const [when] = await replies([
      {
        say: 'IELTS resit is booked for the 3rd of July',
        expect: [{ kind: 'fact', words: ['IELTS'] }],
      },
      ask('when is ielts'),
    ])
    expect(when).toContain('3rd of July')
  })

  it('answers "which" from an item that says what the question does in another form', async () => {
    const [which] = await replies([
      {
        say: 'Got paged twice overnight for the same flapping memory alert on redis-02',
        expect: [{ kind: 'issue', words: ['redis-02'] }],
      },
      ask('which host was flapping'),
    ])
    expect(which).toContain('redis-02')
  })

  it('answers a question about medicines from an item that names one', async () => {
    const [meds] = await replies([
      {
        say: "naproxen doesn't agree with me",
        expect: [{ kind: 'fact', words: ['naproxen'] }],
      },
      { say: 'my GP is Dr Shah', expect: [{ kind: 'fact', words: ['Shah'] }] },
      ask('what medication can I not take?'),
    ])
    expect(meds).toContain('Naproxen')
  })
})

describe('questions that want a date, someone or a place', () => {
  it('leaves out an item that matches the words but not the kind of thing asked', async () => {
    const [when, where] = await replies([
      {
        say: 'I run a book club at the Canton library',
        expect: [{ kind: 'fact', words: ['book club'] }],
      },
      {
        say: 'the book club meets the first Thursday of every month',
        expect: [{ kind: 'fact', words: ['Thursday'] }],
      },
      ask('when does my book club meet'),
      ask('where is my book club'),
    ])
    expect(when).toContain('first Thursday')
    expect(when).not.toContain('Canton')
    expect(where).toContain('Canton')
    expect(where).not.toContain('Thursday')
  })
})

describe('how much of a question an item shares', () => {
  it('counts each word of the question once, however many words its topic stands for', async () => {
    const [where] = await replies([
      {
        say: 'I am a backend engineer at Kobopay',
        expect: [{ kind: 'fact', words: ['Kobopay'] }],
      },
      {
        say: 'my team lead is Halima Yusuf, she manages the payments squad',
        expect: [{ kind: 'fact', words: ['Halima'] }],
      },
      { say: 'our office is in Yaba', expect: [{ kind: 'fact', words: ['Yaba'] }] },
      ask('where is our office'),
    ])
    expect(where).toContain('Yaba')
    expect(where).not.toContain('Halima')
  })
})

describe('hasAnswerForm', () => {
  const now = new Date('2026-05-04T10:00:00Z')
  it('takes a day, a repeat or a year for "when"', () => {
    expect(hasAnswerForm('when', 'We do Thursdays on Zoom', false, now)).toBe(true)
    expect(hasAnswerForm('when', 'fixed at 4.1% until 2028', false, now)).toBe(true)
    expect(hasAnswerForm('when', 'the boiler is leaking again', false, now)).toBe(false)
  })

  it('takes no name or place the question says itself, and "out of" as where', () => {
    // "Out of" says where, as "in" and "at" do.
    expect(hasAnswerForm('where', 'a midwife based out of Southmead', false, now)).toBe(true)
    // A name or a place the question says itself is not what it asks for.
    expect(
      hasAnswerForm('who', 'My German is good now', false, now, 'who do I practise German with'),
    ).toBe(false)
    expect(
      hasAnswerForm(
        'who',
        'I practise with Frau Krüger',
        false,
        now,
        'who do I practise German with',
      ),
    ).toBe(true)
    expect(
      hasAnswerForm('where', 'I work in Germany', false, now, 'where did I work before Germany'),
    ).toBe(false)
    expect(
      hasAnswerForm(
        'where',
        'I was a pharmacist in Aleppo',
        false,
        now,
        'where did I work before Germany',
      ),
    ).toBe(true)
  })

  it('takes someone for "who", never a day or a month', () => {
    expect(hasAnswerForm('who', 'My niece Bryony is starting this weekend', false, now)).toBe(true)
    expect(hasAnswerForm('who', 'Hire a Saturday (May 9) person soon', false, now)).toBe(false)
  })
  it('takes a place for "where"', () => {
    expect(hasAnswerForm('where', 'New place is in Leyton, much bigger', false, now)).toBe(true)
    expect(hasAnswerForm('where', 'the rent went up again', false, now)).toBe(false)
  })
})
