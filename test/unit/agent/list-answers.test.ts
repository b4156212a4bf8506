import { describe, expect, it } from 'vitest'
import type { Corpus, Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'

const play = async (turns: Turn[]): Promise<string[]> => {
  const corpus: Corpus = {
    description: 'list questions',
    scenarios: [{ id: 'lists', now: '2026-03-04T09:00:00Z', turns }],
  }
  return (await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem} — ${f.reply}`)
}

describe('questions that ask for a list of open things', () => {
  it('lists the problems at home, not those somewhere else named', async () => {
    expect(
      await play([
        { say: 'no hot water since Monday', expect: [{ kind: 'issue', words: ['hot water'] }] },
        {
          say: 'the landlord still has not fixed the damp patch in the bedroom',
          expect: [{ kind: 'issue', words: ['damp'] }],
        },
        {
          say: 'washing machine died mid-cycle with all my towels in it',
          expect: [{ kind: 'issue', words: ['washing machine'] }],
        },
        {
          say: 'I lost my keys somewhere between the gym and the bus stop',
          expect: [{ kind: 'issue', words: ['keys'] }],
        },
        {
          ask: 'whats broken at home',
          answer: ['hot water', 'damp', 'washing machine'],
          notAnswer: ['keys'],
        },
      ]),
    ).toEqual([])
  })

  it('reads "any tech issues left?" and "car problems?" as lists of one part of life', async () => {
    expect(
      await play([
        {
          say: 'Dropbox stopped syncing on my desktop since the macOS update',
          expect: [{ kind: 'issue', words: ['Dropbox'] }],
        },
        {
          say: 'Teams is being weird too, every notification comes in twice',
          expect: [{ kind: 'issue', words: ['Teams'] }],
        },
        {
          say: 'the tire pressure warning keeps coming on in the Tesla',
          expect: [{ kind: 'issue', words: ['tire'] }],
        },
        { ask: 'any tech issues left?', answer: ['Dropbox', 'Teams'], notAnswer: ['tire'] },
        { ask: 'car problems?', answer: ['tire'], notAnswer: ['Dropbox'] },
      ]),
    ).toEqual([])
  })

  it('says a problem of that part of life was fixed rather than listing others', async () => {
    expect(
      await play([
        {
          say: "the cat flap is being weird, won't read his microchip half the time",
          expect: [{ kind: 'issue', words: ['cat flap'] }],
        },
        {
          say: 'my laptop keeps crashing when I open Excel',
          expect: [{ kind: 'issue', words: ['laptop'] }],
        },
        {
          say: 'finally got the cat flap working, just needed new batteries',
          expect: [{ kind: 'issue', words: ['cat flap'], action: 'update', status: 'resolved' }],
        },
        { ask: 'any pet problems?', answer: ['cat flap', 'resolved'], notAnswer: ['laptop'] },
      ]),
    ).toEqual([])
  })

  it('reads a to-do list, "what have I still to do" and "left to fix" as task lists', async () => {
    expect(
      await play([
        {
          say: 'gotta get the netting up on the brassicas before the pigeons find them',
          expect: [{ kind: 'task', words: ['netting'] }],
        },
        {
          say: 'the Sonos stopped syncing with the TV, audio is a second behind',
          expect: [{ kind: 'issue', words: ['Sonos'] }],
        },
        { ask: 'what have I still to do at the allotment', answer: ['netting'] },
        { ask: "what's on my allotment to-do list", answer: ['netting'] },
        { ask: "what's left to fix at home", answer: ['Sonos'] },
      ]),
    ).toEqual([])
  })
})

describe('likes and dislikes', () => {
  it('answers "what food do I dislike?" with the dislike, not with what they eat', async () => {
    expect(
      await play([
        {
          say: "I don't like cilantro, it tastes like soap to me",
          expect: [{ kind: 'preference', words: ['cilantro'] }],
        },
        { say: 'I started eating fish again', expect: [{ kind: 'fact', words: ['fish'] }] },
        { ask: 'what food do I dislike?', answer: ['cilantro'], notAnswer: ['fish'] },
        { ask: "what's my diet like these days?", answer: ['fish'] },
      ]),
    ).toEqual([])
  })
})

describe('questions that start with a preposition', () => {
  it('reads "in which city I live" as a question', async () => {
    expect(
      await play([
        { say: 'I live in Lisbon', expect: [{ kind: 'fact', words: ['Lisbon'] }] },
        { ask: 'in which city I live', answer: ['Lisbon'] },
      ]),
    ).toEqual([])
  })
})

describe('answers that name one of the kind asked for', () => {
  it('answers "what music do I like?" with jazz and "what style…" with fingerstyle', async () => {
    expect(
      await play([
        {
          say: "I'm a big fan of jazz, esp. Coltrane",
          expect: [{ kind: 'preference', words: ['jazz'] }],
        },
        {
          say: 'I prefer fingerstyle over strumming',
          expect: [{ kind: 'preference', words: ['fingerstyle'] }],
        },
        { ask: 'what music do I like?', answer: ['jazz'] },
        { ask: 'what style do i like playing', answer: ['fingerstyle'] },
      ]),
    ).toEqual([])
  })
})

describe('what is used now, told as a switch', () => {
  it('answers "what engine do I use?" and "what CI are we on?" from what was switched to', async () => {
    expect(
      await play([
        {
          say: 'I switched from Unity to Godot after the pricing drama, best decision',
          expect: [{ kind: 'fact', words: ['Godot'] }],
        },
        {
          say: 'we moved off Jenkins to GitHub Actions last month, finally',
          expect: [{ kind: 'fact', words: ['GitHub Actions'] }],
        },
        { ask: 'what engine do I use', answer: ['Godot'] },
        { ask: 'what CI are we on', answer: ['GitHub Actions'] },
      ]),
    ).toEqual([])
  })

  it('still says it does not know when nothing in use was told', async () => {
    expect(
      await play([
        { say: 'I live in Leeds', expect: [{ kind: 'fact', words: ['Leeds'] }] },
        { ask: 'what CI are we on', unknown: true },
      ]),
    ).toEqual([])
  })
})

describe('a title or a role of something else is not their job', () => {
  it('does not answer "what\'s my thesis title?" with what they study', async () => {
    expect(
      await play([
        {
          say: "I'm a 3rd-year PhD student in marine biology at UBC",
          expect: [{ kind: 'fact', words: ['PhD'] }],
        },
        { ask: "what's my thesis title", unknown: true },
        { ask: "what's my Snowflake role name", unknown: true },
        { ask: "what's my role?", answer: ['PhD'] },
      ]),
    ).toEqual([])
  })
})

describe('a word that says what form the answer takes', () => {
  it('answers "what is my dissertation topic" by what the dissertation is about', async () => {
    expect(
      await play([
        {
          say: 'my dissertation is about teacher burnout in Scottish primary schools',
          expect: [{ kind: 'fact', words: ['burnout'] }],
        },
        { ask: 'what is my dissertation topic', answer: ['burnout'] },
      ]),
    ).toEqual([])
  })
})

describe('someone named doing what the question asks', () => {
  it('answers "what school does Mia go to?" from "Mia goes to Hillcrest Primary"', async () => {
    expect(
      await play([
        {
          say: 'Mia goes to Hillcrest Primary',
          expect: [{ kind: 'fact', words: ['Hillcrest'] }],
        },
        { say: 'Mia is allergic to nuts', expect: [{ kind: 'fact', words: ['nuts'] }] },
        { ask: 'what school does Mia go to?', answer: ['Hillcrest'], notAnswer: ['nuts'] },
      ]),
    ).toEqual([])
  })
})

describe('a reply that starts with a name', () => {
  it('keeps its capital', async () => {
    const { noteLine } = await import('../../../renderer/runtime/agent/offline/respond')
    const item = (text: string) =>
      ({ id: 'i', kind: 'fact', text }) as unknown as Parameters<typeof noteLine>[0]['item']
    expect(noteLine({ outcome: 'new', item: item('Sam lent me 50 quid'), previous: null })).toBe(
      'Noted: Sam lent you 50 quid.',
    )
    expect(noteLine({ outcome: 'new', item: item('The boiler is noisy'), previous: null })).toBe(
      'Noted: the boiler is noisy.',
    )
  })
})
