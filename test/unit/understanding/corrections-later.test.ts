import { describe, expect, it } from 'vitest'
import type { Corpus } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'

describe('corrections made in a later message', () => {
  it('"switching to 3 swims a week" replaces the plan of 4', async () => {
    const corpus: Corpus = {
      description: 'later corrections',
      scenarios: [
        {
          id: 'later',
          now: '2026-03-04T09:00:00Z',
          turns: [
            {
              say: 'my training plan is 4 swims a week, mostly mornings',
              expect: [{ kind: 'fact', words: ['4 swims'] }],
            },
            {
              say: 'switching to 3 swims a week until my shoulder settles',
              expect: [
                { kind: 'fact', words: ['3 swims'], action: 'supersede', replaces: ['4 swims'] },
              ],
            },
            {
              ask: 'how many swims a week am I doing?',
              answer: ['3 swims'],
              notAnswer: ['4 swims'],
            },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"scratch that, I do eat beef" replaces "I don\'t eat beef", whatever kind each was filed as', async () => {
    const corpus: Corpus = {
      description: 'the opposite said later',
      scenarios: [
        {
          id: 'opposite',
          now: '2026-03-04T09:00:00Z',
          turns: [
            { say: "I don't eat beef", expect: [{ kind: 'fact', words: ['beef'] }] },
            { say: 'nice weather today', expect: [] },
            {
              say: "actually scratch that, I do eat beef, it's duck I can't stand",
              expect: [
                {
                  kind: 'preference',
                  words: ['duck'],
                  action: 'supersede',
                  replaces: ['not eat beef'],
                },
              ],
            },
            { ask: "what can't I eat?", answer: ['duck'], notAnswer: ['not eat beef'] },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"not Reading any more, they moved us to Slough" replaces where they work, and keeps it as work', async () => {
    const corpus: Corpus = {
      description: 'the old value named as gone',
      scenarios: [
        {
          id: 'gone',
          now: '2026-03-04T09:00:00Z',
          turns: [
            {
              say: 'I work at the land registry office in Reading',
              expect: [{ kind: 'fact', words: ['Reading'] }],
            },
            {
              say: 'I ride a 2016 Honda CB500 to work',
              expect: [{ kind: 'fact', words: ['Honda'] }],
            },
            {
              say: 'not Reading any more actually, they moved our whole team to Slough',
              expect: [
                { kind: 'fact', words: ['Slough'], action: 'supersede', replaces: ['Reading'] },
              ],
            },
            {
              say: 'swapped the Honda for a Kawasaki Z650 last weekend',
              expect: [
                { kind: 'fact', words: ['Kawasaki'], action: 'supersede', replaces: ['Honda'] },
              ],
            },
            {
              ask: 'where do I work?',
              answer: ['Slough'],
              notAnswer: ['registry office in Reading'],
            },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"scratch that, Thursday" corrects the day just said, not an older value', async () => {
    const corpus: Corpus = {
      description: 'a bare new value',
      scenarios: [
        {
          id: 'bare',
          now: '2026-03-04T09:00:00Z',
          turns: [
            {
              say: 'my dentist appointment is on the 12th at 3pm',
              expect: [{ kind: 'fact', words: ['12th'] }],
            },
            {
              say: 'school concert is Tuesday at 6',
              expect: [{ kind: 'fact', words: ['concert'] }],
            },
            {
              say: 'scratch that, Thursday',
              expect: [
                { kind: 'fact', words: ['Thursday'], action: 'supersede', replaces: ['Tuesday'] },
              ],
            },
            { say: 'I fly to Dublin on the 3rd', expect: [{ kind: 'fact', words: ['Dublin'] }] },
            {
              say: 'sorry I meant the 4th',
              expect: [{ kind: 'fact', words: ['4th'], action: 'supersede', replaces: ['3rd'] }],
            },
            { ask: "when's the school concert?", answer: ['Thursday'], notAnswer: ['Tuesday'] },
            { ask: 'when is my dentist appointment?', answer: ['12th'] },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"his name\'s actually Barry" replaces what the landlord was called', async () => {
    const corpus: Corpus = {
      description: 'actually inside the sentence',
      scenarios: [
        {
          id: 'inside',
          now: '2026-03-04T09:00:00Z',
          turns: [
            { say: 'my landlord is called Gary', expect: [{ kind: 'fact', words: ['Gary'] }] },
            {
              say: "his name's actually Barry",
              expect: [{ kind: 'fact', words: ['Barry'], action: 'supersede', replaces: ['Gary'] }],
            },
            { ask: "what's my landlord called?", answer: ['Barry'], notAnswer: ['Gary'] },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"…CET. No wait, it\'s CEST." replaces the timezone, not a preference with "no" in it', async () => {
    const corpus: Corpus = {
      description: 'a sentence-initial capital names nothing',
      scenarios: [
        {
          id: 'no-wait',
          now: '2026-03-04T09:00:00Z',
          turns: [
            {
              say: 'no emojis please',
              expect: [{ kind: 'preference', words: ['emojis'] }],
            },
            {
              say: "My timezone is CET. No wait, it's CEST.",
              expect: [{ kind: 'preference', words: ['CEST'] }],
            },
            { ask: 'should you use emojis with me?', answer: ['no emojis'] },
            { ask: "what's my timezone?", answer: ['CEST'], notAnswer: ['CET.'] },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})
