import { describe, expect, it } from 'vitest'
import { givesValueAsked } from '../../../renderer/runtime/agent/offline/value-kind'
import type { Corpus } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'

describe('a value recognised by its form', () => {
  it('tells an age, a height, a timezone, a scale and a clock from other numbers and words', () => {
    expect(givesValueAsked('how old am I?', 'I am a retired nurse, 71')).toBe(true)
    expect(givesValueAsked('how old am I?', "I'm 34 and training for a marathon")).toBe(true)
    expect(givesValueAsked('how old am I?', 'I start at 9 every day')).toBe(false)
    expect(givesValueAsked('how old am I?', 'My dad is 70')).toBe(false)
    // An age said with the name ("Chloe, 29, product designer") is kept with it.
    expect(givesValueAsked('how old am I?', 'My name is Chloe; I am 29')).toBe(true)
    expect(givesValueAsked('how tall am I', "I'm 5'9 so the small bike is fine")).toBe(true)
    expect(givesValueAsked('how tall am I', 'I am 172 cm')).toBe(true)
    expect(givesValueAsked('what timezone am I in?', 'Give me all times in NZST')).toBe(true)
    expect(givesValueAsked('what timezone am I in?', 'I live in Auckland')).toBe(false)
    expect(givesValueAsked('which temperature scale?', 'Celsius for everything')).toBe(true)
    expect(givesValueAsked('12 or 24 hour clock?', 'Use 24-hour times please')).toBe(true)
    expect(givesValueAsked('where do I work?', 'I am 40')).toBeNull()
  })

  it('tells a span of the day and a distance from other numbers', () => {
    expect(givesValueAsked('what hours am I on', 'I do 7:30 to 3:30 Monday to Friday')).toBe(true)
    expect(givesValueAsked('what hours do I work?', 'nights 10pm-6am')).toBe(true)
    expect(givesValueAsked('what hours do I work?', 'Mondays to Fridays 11 till 2')).toBe(true)
    expect(givesValueAsked('what time do my shifts start', 'mon to thu 6am till 4:30pm')).toBe(true)
    expect(givesValueAsked('what hours do I work?', 'Her target range is 4 to 10')).toBe(false)
    expect(givesValueAsked('what hours do I work?', 'off work for 6 weeks')).toBe(false)
    expect(givesValueAsked('how far does it get me', 'only lasts like 30 miles now')).toBe(true)
    expect(givesValueAsked('how far does it get me', 'new battery, 500 quid')).toBe(false)
  })

  it('answers from an item that shares no word with the question', async () => {
    const corpus: Corpus = {
      description: 'values by their form',
      scenarios: [
        {
          id: 'forms',
          now: '2026-03-04T09:00:00Z',
          turns: [
            {
              say: 'semi-retired joiner, 63, still do the odd kitchen',
              expect: [{ kind: 'fact', words: ['63'] }],
            },
            {
              say: 'times in CET please',
              expect: [{ kind: 'preference', words: ['CET'] }],
            },
            {
              say: "I'm 5'7 if that matters for the bike",
              expect: [{ kind: 'fact', words: ["5'7"] }],
            },
            { ask: 'how old am I?', answer: ['63'] },
            { ask: 'which timezone do I want?', answer: ['CET'] },
            { ask: 'how tall am I again', answer: ["5'7"] },
            { ask: 'how old is my brother?', unknown: true },
          ],
        },
      ],
    }
    const scores = await evaluate(corpus)
    expect(scores.failures).toEqual([])
  })

  it('answers "where do I work?" with work done for somewhere named, not cooking for the kids', async () => {
    const corpus: Corpus = {
      description: 'work said by what is done',
      scenarios: [
        {
          id: 'work',
          now: '2026-03-04T09:00:00Z',
          turns: [
            {
              say: 'I drive a parcel van for Evri round Stockport',
              expect: [{ kind: 'fact', words: ['Evri'] }],
            },
            {
              say: 'I cook for my kids every night',
              expect: [{ kind: 'fact', words: ['cook'] }],
            },
            { ask: 'where do I work?', answer: ['Evri'], notAnswer: ['cook'] },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('answers "what bike do I ride?" with the make, and "what\'s up with the van?" with its problem', async () => {
    const corpus: Corpus = {
      description: 'vehicles by their make',
      scenarios: [
        {
          id: 'vehicles',
          now: '2026-03-04T09:00:00Z',
          turns: [
            {
              say: 'I ride a secondhand Ducati Monster at weekends',
              expect: [{ kind: 'fact', words: ['Ducati'] }],
            },
            {
              say: 'I drive a Vauxhall Vivaro for deliveries',
              expect: [{ kind: 'fact', words: ['Vivaro'] }],
            },
            {
              say: 'the van keeps stalling at junctions',
              expect: [{ kind: 'issue', words: ['stalling'] }],
            },
            { ask: 'what bike have I got?', answer: ['Ducati'] },
            { ask: "what's up with the van?", answer: ['stalling'] },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('answers "where do I work?" with the person\'s work, not their husband\'s', async () => {
    const corpus: Corpus = {
      description: 'whose work',
      scenarios: [
        {
          id: 'whose',
          now: '2026-03-04T09:00:00Z',
          turns: [
            {
              say: 'I teach geography at Kingsmead Academy',
              expect: [{ kind: 'fact', words: ['Kingsmead'] }],
            },
            {
              say: 'my husband Idris works at Rolls-Royce',
              expect: [{ kind: 'fact', words: ['Rolls-Royce'] }],
            },
            { ask: 'where do I work?', answer: ['Kingsmead'], notAnswer: ['Rolls-Royce'] },
            { ask: 'where does my husband work?', answer: ['Rolls-Royce'] },
          ],
        },
      ],
    }
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})
