import { describe, expect, it } from 'vitest'
import type { Corpus } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'

describe('answering what is asked for, not what it is about', () => {
  it('does not answer "what is my target time for X?" with another item about X', async () => {
    const corpus: Corpus = {
      description: 'attribute questions',
      scenarios: [
        {
          id: 'attribute',
          now: '2026-03-04T09:00:00Z',
          turns: [
            {
              say: 'signed up for the Leeds 10k in September',
              expect: [{ kind: 'fact', words: ['Leeds'] }],
            },
            {
              say: 'my shift pattern on Friday is two early turns',
              expect: [{ kind: 'fact', words: ['Friday'] }],
            },
            { ask: "what's my target time for the 10k?", unknown: true },
            { ask: "who's my supervisor on Friday?", unknown: true },
            { ask: 'when is the Leeds 10k?', answer: ['September'] },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })
  it('answers "what genres do I like?" with one of its kind, which need not say "genre"', async () => {
    const corpus: Corpus = {
      description: 'category questions',
      scenarios: [
        {
          id: 'category',
          now: '2026-03-04T09:00:00Z',
          turns: [
            {
              say: "I love Nordic noir but can't stand romance novels",
              expect: [
                { kind: 'preference', words: ['Nordic noir'] },
                { kind: 'preference', words: ['romance'] },
              ],
            },
            { ask: 'what genres do I like?', answer: ['Nordic noir'], notAnswer: ['romance'] },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })
  it('wants money for "how much…cost", a weight for "weigh", digits for a number or a code', async () => {
    const corpus: Corpus = {
      description: 'value kinds',
      scenarios: [
        {
          id: 'kinds',
          now: '2026-03-04T09:00:00Z',
          turns: [
            {
              say: 'my piano lessons are on Tuesdays at 5',
              expect: [{ kind: 'fact', words: ['piano'] }],
            },
            { say: 'my dog Pip is 4', expect: [{ kind: 'fact', words: ['Pip'] }] },
            {
              say: 'the gate code at the allotment is 4471',
              expect: [{ kind: 'fact', words: ['4471'] }],
            },
            { say: "my coworker's wife had twins on Sunday", expect: [] },
            { ask: 'how much do my piano lessons cost?', unknown: true },
            { ask: 'how much does Pip weigh?', unknown: true },
            { ask: "what's the gate code?", answer: ['4471'] },
            { ask: 'do I have twins?', unknown: true },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })
  it('knows other words for the same thing: a gaffer is a boss, an app is tech', async () => {
    const corpus: Corpus = {
      description: 'other words',
      scenarios: [
        {
          id: 'words',
          now: '2026-03-04T09:00:00Z',
          turns: [
            {
              say: 'my gaffer is Stuart, he is alright',
              expect: [{ kind: 'fact', words: ['Stuart'] }],
            },
            {
              say: 'Dropbox stopped syncing on my laptop since the update',
              expect: [{ kind: 'issue', words: ['Dropbox'] }],
            },
            {
              say: 'I have a chem lab report due Friday',
              expect: [{ kind: 'task', words: ['lab'] }],
            },
            { ask: "who's my boss?", answer: ['Stuart'] },
            { ask: 'any tech problems?', answer: ['Dropbox'] },
            { ask: 'do I have any pets?', unknown: true },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})
