import { describe, expect, it } from 'vitest'
import type { Corpus, Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario } from '../../support/understanding/one-scenario'
import { correctionTopic } from '../../../renderer/runtime/understanding/correction-topic'

const scenario = (id: string, turns: Turn[]): Corpus =>
  oneScenario(id, turns, '2026-05-06T09:00:00Z')

const failuresOf = async (corpus: Corpus): Promise<string[]> =>
  (await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem}`)

describe('a correction that names what it is about', () => {
  it.each([
    ['actually scratch that about IT support, i moved to the cyber team', 'IT support'],
    ['forget what I said about the jab - surgery moved me to the 16th', 'the jab'],
    ['I was wrong about Tiana, she turned 7', 'Tiana'],
    ['scratch that, it is the 14th', null],
  ])('"%s" names %s', (message, topic) => {
    expect(correctionTopic(message)).toBe(topic)
  })

  it.each([
    'actually scratch that about IT support, i moved to the cyber team last month',
    "forget what I said about IT support, I'm on the cyber team now",
  ])('"%s" replaces the item about that topic', async (fix) => {
    const corpus = scenario('topic', [
      {
        say: 'I work in IT support at the council',
        expect: [{ kind: 'fact', words: ['IT support'] }],
      },
      { say: 'my sister lives in York', expect: [{ kind: 'fact', words: ['York'] }] },
      {
        say: fix,
        expect: [
          { kind: 'fact', words: ['cyber team'], action: 'supersede', replaces: ['IT support'] },
        ],
      },
      { ask: 'where does my sister live?', answer: ['York'] },
    ])
    expect(await failuresOf(corpus)).toEqual([])
  })

  it('the dated item it names takes the new day, not the latest thing said', async () => {
    const corpus = scenario('topic-day', [
      {
        say: 'my dentist appointment is on the 10th',
        expect: [{ kind: 'fact', words: ['dentist', '10th'] }],
      },
      {
        say: 'the parents evening is on the 20th',
        expect: [{ kind: 'fact', words: ['parents evening', '20th'] }],
      },
      {
        say: "scratch that about the dentist, it's the 12th",
        expect: [{ kind: 'fact', words: ['12th'], action: 'supersede', replaces: ['10th'] }],
      },
      { ask: 'when is my dentist appointment?', answer: ['12th'], notAnswer: ['10th'] },
      { ask: 'when is the parents evening?', answer: ['20th'] },
    ])
    expect(await failuresOf(corpus)).toEqual([])
  })
})
