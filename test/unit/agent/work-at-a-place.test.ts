import { describe, expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

describe('work at a place named by what it is', () => {
  it.each([
    ['I teach chemistry at a secondary school in Leicester', 'chemistry'],
    ['I cook at a little Italian restaurant in town', 'restaurant'],
    ['I clean at the local hospital three nights a week', 'hospital'],
    ["I am the chaplain at St Brannoc's Hospice", 'Brannoc'],
  ])('"%s" answers what they do for work', async (said, word) => {
    const corpus = scenario('work', [
      { say: said, expect: [{ kind: 'fact', words: [word] }] },
      { ask: 'what do I do for work?', answer: [word] },
      { ask: 'where do I work?', answer: [word] },
    ])
    expect((await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)).toEqual([])
  })

  it.each(['where do I work?', 'what do I do for work?'])(
    '"I started at" a place of work answers "%s"',
    async (asked) => {
      const { replies } = await converse([
        'I started at the Amazon warehouse in Daventry, nights',
        asked,
      ])
      expect(replies[1]).toContain('Amazon')
    },
  )

  it('reads "where am I working now?" as asking work, not home', async () => {
    const { replies } = await converse([
      'I live in Leeds',
      'I started at the Tesco depot in Wakefield last month',
      'where am I working now?',
    ])
    expect(replies[2]).toContain('Tesco')
    expect(replies[2]).not.toContain('Leeds')
  })

  it('answers "the job from June" with the job they were made, not where work is', async () => {
    const { replies } = await converse([
      'I moved to Didsbury, much closer to work now',
      'they made me head chef at the Altrincham site from June',
      "what's the job from June?",
    ])
    expect(replies[2]).toContain('head chef')
  })

  it('does not answer what they study with the job beside it', async () => {
    const corpus = scenario('study', [
      {
        say: "I'm in my second year of psychology at uni",
        expect: [{ kind: 'fact', words: ['psychology'] }],
      },
      {
        say: 'I work at the cafe on campus on Saturdays',
        expect: [{ kind: 'fact', words: ['cafe'] }],
      },
      { ask: 'what do I study?', answer: ['psychology'] },
    ])
    expect((await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)).toEqual([])
  })
  it("answers someone's job by the job they were said to do", async () => {
    const corpus = scenario('partner', [
      {
        say: 'My partner Jess is a paramedic, she does nights',
        expect: [{ kind: 'fact', words: ['paramedic'] }],
      },
      { ask: "what's my partner's job", answer: ['paramedic'] },
    ])
    expect((await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)).toEqual([])
  })
})

describe('a job named among the words after "I am"', () => {
  it.each([
    ["I'm head chef at a tapas bar in Leith", 'tapas'],
    ['I am night porter at the Grand in Brighton', 'Grand'],
    ['I am trainee electrician with a firm in Cork', 'Cork'],
    ['I am swim coach at a school in Bishan', 'Bishan'],
  ])('"%s" answers where they work', async (said, word) => {
    const { replies } = await converse([said, 'where do I work?'])
    expect(replies[1]).toContain(word)
  })
})
