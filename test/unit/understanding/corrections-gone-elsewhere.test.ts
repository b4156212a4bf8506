import { describe, expect, it } from 'vitest'
import type { Corpus } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

/** What went wrong with the corrections: a value left current, or the new one not filed. */
const corrections = async (corpus: Corpus): Promise<string[]> =>
  (await evaluate(corpus)).failures
    .map((f) => f.problem)
    .filter((p) => p.startsWith('correction left current') || p.includes('(supersede)'))

describe('a change whose loss is told in another clause', () => {
  it('"Marco left the club, my coach is Lena now" replaces the coach named Marco', async () => {
    const corpus = scenario('coach', [
      { say: 'My running coach is Marco', expect: [{ kind: 'fact', words: ['Marco'] }] },
      { say: 'I live in Derby', expect: [{ kind: 'fact', words: ['Derby'] }] },
      {
        say: 'Marco left the club, my coach is Lena now',
        at: '2026-06-04T09:00:00Z',
        expect: [{ kind: 'fact', words: ['Lena'], action: 'supersede', replaces: ['Marco'] }],
      },
      { ask: 'where do I live?', answer: ['Derby'] },
    ])
    expect(await corrections(corpus)).toEqual([])
  })

  it('"Tom and I broke up. I\'m seeing someone called Alex now" replaces the one about Tom', async () => {
    const corpus = scenario('partner', [
      { say: 'My boyfriend is Tom', expect: [{ kind: 'fact', words: ['Tom'] }] },
      {
        say: "Tom and I broke up. I'm seeing someone called Alex now",
        at: '2026-06-04T09:00:00Z',
        expect: [{ kind: 'fact', words: ['Alex'], action: 'supersede', replaces: ['Tom'] }],
      },
    ])
    expect(await corrections(corpus)).toEqual([])
  })

  it('someone who left, said beside a new value of another thing, retires nothing', async () => {
    const corpus = scenario('unrelated', [
      { say: 'My running coach is Marco', expect: [{ kind: 'fact', words: ['Marco'] }] },
      {
        say: 'Jess left the choir, my shift is at 7am now',
        expect: [{ kind: 'fact', words: ['7am'] }],
      },
    ])
    const s = await evaluate(corpus)
    expect(s.failures.map((f) => f.problem).filter((p) => p.includes('Marco'))).toEqual([])
  })
})

describe('a new job told as news', () => {
  it('"started at Guy\'s this week, same role" replaces where the speaker worked', async () => {
    const corpus = scenario('job', [
      { say: "I'm a nurse at St Thomas'", expect: [{ kind: 'fact', words: ['nurse'] }] },
      {
        say: "started at Guy's this week, same role",
        at: '2026-06-04T09:00:00Z',
        expect: [{ kind: 'fact', words: ['Guy'], action: 'supersede', replaces: ['Thomas'] }],
      },
    ])
    expect(await corrections(corpus)).toEqual([])
  })
})

describe('a correction that names the old value', () => {
  it('"Correction: Jake\'s allergy is to peanuts, not tree nuts" replaces the fact about tree nuts', async () => {
    const corpus = scenario('allergy', [
      { say: 'Jake is allergic to tree nuts', expect: [{ kind: 'fact', words: ['tree nuts'] }] },
      {
        say: "Correction: Jake's allergy is to peanuts, not tree nuts",
        expect: [
          { kind: 'fact', words: ['peanuts'], action: 'supersede', replaces: ['tree nuts'] },
        ],
      },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })
})

describe('a move of house told without where to', () => {
  it('"We moved! We\'re in Glasgow now" replaces where the speaker lived', async () => {
    const corpus = scenario('moved', [
      {
        say: 'I live in Edinburgh with my partner',
        expect: [{ kind: 'fact', words: ['Edinburgh'] }],
      },
      {
        say: "We moved! We're in Glasgow now",
        at: '2026-06-04T09:00:00Z',
        expect: [
          { kind: 'fact', words: ['Glasgow'], action: 'supersede', replaces: ['Edinburgh'] },
        ],
      },
      { ask: 'where do I live?', answer: ['Glasgow'], notAnswer: ['Edinburgh'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('"my sister moved, she\'s in Perth now" leaves where the speaker lives', async () => {
    const corpus = scenario('sister', [
      { say: 'I live in Adelaide', expect: [{ kind: 'fact', words: ['Adelaide'] }] },
      {
        say: "My sister moved! She's in Perth now",
        expect: [{ kind: 'fact', words: ['Perth'] }],
      },
      { ask: 'where do I live?', answer: ['Adelaide'] },
    ])
    const s = await evaluate(corpus)
    expect(s.failures.map((f) => f.problem).filter((p) => p.includes('answer'))).toEqual([])
  })
})
