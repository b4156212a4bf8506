import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as one } from '../../support/understanding/one-scenario'

describe('changes told as news', () => {
  it('a new value said with trouble or an errand stays the fact it was ("got pushed to Friday, the truck broke down")', async () => {
    const corpus = one('kept-kind', [
      {
        say: 'the delivery of the new kitchen is Wednesday',
        expect: [{ kind: 'fact', words: ['Wednesday'] }],
      },
      {
        say: 'Delivery got pushed to Friday, their truck broke down',
        expect: [{ kind: 'fact', words: ['Friday'], action: 'supersede', replaces: ['Wednesday'] }],
      },
      { ask: 'when is the kitchen delivery?', answer: ['Friday'], notAnswer: ['Wednesday'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('a loss then its replacement in one message leaves only the new value current ("sold the Yaris, got a Leaf instead")', async () => {
    const corpus = one('gone-then-new', [
      {
        say: 'I drive a 2012 Toyota Yaris, red',
        expect: [{ kind: 'fact', words: ['Yaris'] }],
      },
      {
        say: 'my brother Karl lives in Graz',
        expect: [{ kind: 'fact', words: ['Graz'] }],
      },
      {
        say: 'sold the Yaris! bought a second-hand Leaf instead',
        expect: [{ kind: 'fact', words: ['Leaf'], action: 'supersede', replaces: ['Yaris'] }],
      },
      { ask: 'what car do I drive?', answer: ['Leaf'], notAnswer: ['Yaris'] },
      { ask: 'where does my brother live?', answer: ['Graz'] },
    ])
    const { failures } = await evaluate(corpus)
    // The loss itself is filed too; what counts is that nothing about the Yaris stays current.
    expect(failures.filter((f) => !f.problem.startsWith('stored unexpected'))).toEqual([])
  })

  it('someone new in a role a retirement left open takes it ("Dr. Berger retired. new one is Dr. Osei")', async () => {
    const corpus = one('new-in-role', [
      {
        say: 'my GP is Dr. Berger at the Mill Lane surgery',
        expect: [{ kind: 'fact', words: ['Berger'] }],
      },
      {
        say: 'changing GPs actually, Dr. Berger retired. new one is Dr. Osei',
        expect: [{ kind: 'fact', words: ['Osei'], action: 'supersede', replaces: ['Berger'] }],
      },
    ])
    const { failures } = await evaluate(corpus)
    expect(failures.filter((f) => !f.problem.startsWith('stored unexpected'))).toEqual([])
  })

  it('a loss retires nothing when two things hold the word, or the next thing said is about something else', async () => {
    const corpus = one('gone-unclear', [
      { say: 'I have a Trek road bike', expect: [{ kind: 'fact', words: ['Trek'] }] },
      { say: 'my daughter has a Trek bike too', expect: [{ kind: 'fact', words: ['daughter'] }] },
      { say: 'I live in Bristol', expect: [{ kind: 'fact', words: ['Bristol'] }] },
      {
        say: 'sold the Trek last week. I work at Dyson now',
        expect: [{ kind: 'fact', words: ['Dyson'] }],
      },
      { ask: 'where do I live?', answer: ['Bristol'] },
      { ask: 'what bike does my daughter have?', answer: ['Trek'] },
    ])
    const { failures } = await evaluate(corpus)
    expect(failures.filter((f) => f.problem.startsWith('answer'))).toEqual([])
  })

  it('someone new in a role replaces whoever held it, said without the role\'s usual words ("we switched GPs, the new one is Dr. Osei")', async () => {
    const corpus = one('new-in-role-plain', [
      {
        say: 'my GP is Dr Shah at the Elm Street practice',
        expect: [{ kind: 'fact', words: ['Shah'] }],
      },
      { say: 'I live in Leeds', expect: [{ kind: 'fact', words: ['Leeds'] }] },
      {
        say: 'we switched GPs, the new one is Dr. Osei',
        expect: [{ kind: 'fact', words: ['Osei'], action: 'supersede', replaces: ['Shah'] }],
      },
      { ask: 'where do I live?', answer: ['Leeds'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('a new one of someone else\'s replaces nothing of the speaker\'s ("my sister switched GPs, the new one is Dr. Osei")', async () => {
    const corpus = one('new-in-role-theirs', [
      {
        say: 'my GP is Dr Shah at the Elm Street practice',
        expect: [{ kind: 'fact', words: ['Shah'] }],
      },
      { say: 'my sister switched GPs, her new one is Dr. Osei', expect: [] },
      { ask: 'who is my GP?', answer: ['Shah'] },
    ])
    const { failures } = await evaluate(corpus)
    expect(failures.filter((f) => f.problem.startsWith('answer'))).toEqual([])
  })
})
