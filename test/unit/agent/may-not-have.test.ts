import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'

const failures = async (corpus: ReturnType<typeof scenario>): Promise<string[]> =>
  (await evaluate(corpus)).failures.map((f) => `${f.turn}: ${f.problem} — ${f.reply}`)

describe('what the person must not have is a fact about their health, and is asked for so', () => {
  it.each([
    [
      'I take warfarin every evening at 6pm, and I must not have cranberry juice.',
      'cranberry',
      "What shouldn't I drink?",
    ],
    ['on the new tablets so I must not have grapefruit', 'grapefruit', "what can't I have"],
    [
      'I am not allowed to have alcohol till the course ends',
      'alcohol',
      'what am I not allowed to have?',
    ],
    ["doctor's orders, I shouldn't have salt", 'salt', 'what should I not have'],
  ])('%s', async (said, word, question) => {
    const corpus = scenario('restriction', [
      {
        say: said,
        expect: [
          { kind: 'fact', words: [word] },
          ...(said.includes('warfarin') ? [{ kind: 'fact' as const, words: ['warfarin'] }] : []),
        ],
      },
      { ask: question, answer: [word] },
    ])
    expect(await failures(corpus)).toEqual([])
  })

  it('still reads "must not forget to" as a task', async () => {
    const corpus = scenario('reminder', [
      {
        say: 'I must not forget to call mum on Sunday',
        expect: [{ kind: 'task', words: ['mum'] }],
      },
    ])
    expect(await failures(corpus)).toEqual([])
  })
})
