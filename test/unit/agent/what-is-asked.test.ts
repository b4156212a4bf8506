import { describe, expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

describe('what a question asks for', () => {
  it('reads "which platform am I on?" as asking a platform, not "I"', async () => {
    const corpus = scenario('platform', [
      {
        say: 'I am an offshore medic on the Tern Bravo platform, 3 on 3 off',
        expect: [{ kind: 'fact', words: ['Tern Bravo'] }],
      },
      { ask: 'which platform am I on', answer: ['Tern Bravo'], notAnswer: ["isn't filed"] },
    ])
    expect((await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)).toEqual([])
  })

  it('reads "what time format do I want?" as asking a format, not a time', async () => {
    const corpus = scenario('clock', [
      {
        say: 'I want you to use 24 hour clock',
        expect: [{ kind: 'preference', words: ['24'] }],
      },
      { ask: 'what time format do I want', answer: ['24'] },
    ])
    expect((await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)).toEqual([])
  })
  it.each([
    ['Email or text only', 'how should people contact me', 'text'],
    ['I hate early morning calls, text me instead', 'how do I prefer to be contacted', 'text'],
  ])('answers how to reach them from "%s"', async (said, asked, word) => {
    const corpus = scenario('contact', [
      { say: said, expect: [{ kind: 'preference', words: [word] }] },
      { ask: asked, answer: [word] },
    ])
    expect((await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)).toEqual([])
  })

  it.each([
    // What they did for work, asked in the past.
    [
      'I was a postman in Barnstaple for 38 years, retired in 2014',
      'fact',
      'what did I do for work',
      'postman',
    ],
    // A span of the day answers "what hours".
    ['I do 7:30 to 3:30 Monday to Friday, no weekends', 'fact', 'what hours am I on', '7:30'],
    ['I am Mondays to Fridays 11 till 2', 'fact', 'what hours do I work?', '11 till 2'],
    // How they want answers: asked as a preference, a style, a format.
    [
      'please speak to me in simple English, my English is learning still',
      'preference',
      "what's my language preference?",
      'simple',
    ],
    [
      'no small talk in replies please',
      'preference',
      'what is my preferred reply style',
      'small talk',
    ],
    [
      'Bullet points please, walls of text = I stop reading',
      'preference',
      'how should you format things for me',
      'Bullet',
    ],
    // "Pattern" says what is wanted about the shifts, not which thing.
    ['I am on 4 on 4 off, 12 hour shifts', 'fact', 'what is my shift pattern', '4 on 4 off'],
    // Where they live, said as a move or as where they are now.
    ['we just moved to Wymondham, new place is lovely', 'fact', 'where do I live now', 'Wymondham'],
    ['I am in Phibsborough now, much closer to work', 'fact', 'where do I live', 'Phibsborough'],
  ] as const)('answers from "%s"', async (said, kind, asked, word) => {
    const corpus = scenario('asked', [
      { say: said, expect: [{ kind, words: [word] }] },
      { ask: asked, answer: [word] },
    ])
    expect((await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)).toEqual([])
  })

  it('finds someone named by a word for a mother other than "mother"', async () => {
    const corpus = scenario('amma', [
      {
        say: 'Amma is visiting from Jaffna from Feb 20 for three months',
        expect: [{ kind: 'fact', words: ['Jaffna'] }],
      },
      { ask: 'when does my mother arrive?', answer: ['20'] },
    ])
    expect((await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)).toEqual([])
  })

  it('answers "who do I practise German with" from "I practice … with Frau Krüger"', async () => {
    const corpus = scenario('practise', [
      { say: 'My German is B2', expect: [{ kind: 'fact', words: ['B2'] }] },
      {
        say: 'I practice every day with Frau Krüger, retired teacher',
        expect: [{ kind: 'fact', words: ['Krüger'] }],
      },
      { ask: 'who do I practise German with', answer: ['Krüger'] },
    ])
    expect((await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)).toEqual([])
  })

  it.each([
    [
      'the agency says my contract ends on the 26th of June',
      'when does my contract finish?',
      '26th',
    ],
    ['car insurance is £640 a year with Admiral', 'how much does my car insurance cost?', '640'],
  ])('reads the word after "does my …" as what it does: "%s" / "%s"', async (said, asked, word) => {
    const { replies } = await converse([said, asked])
    expect(replies[1]).toContain(word)
  })

  it('reads "how do I like lists?" as asking how to answer', async () => {
    const { replies } = await converse([
      'I like answers in bullet points if there is more than two things',
      'I live in Peterhead',
      'how do I like lists?',
    ])
    expect(replies[2]).toContain('bullet points')
  })

  it('does not count a code with a digit in it as how many', async () => {
    const { replies } = await converse([
      'T4 returns for my clients are due by the end of June',
      'how many clients do I have?',
    ])
    expect(replies[1]).toMatch(/don't have anything/u)
  })

  it('answers "how far" with a distance, not another number', async () => {
    // The order told first: told after the problem, it is a note on it (a part awaited).
    const corpus = scenario('far', [
      {
        say: 'I ordered a new battery, 500 quid, arrives wed',
        expect: [{ kind: 'fact', words: ['500'] }],
      },
      {
        say: 'my battery only lasts like 30 miles now, used to be 50',
        expect: [{ kind: 'issue', words: ['30'] }],
      },
      { ask: 'how far does the battery get me these days', answer: ['30'], notAnswer: ['500'] },
    ])
    expect((await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)).toEqual([])
  })
})
