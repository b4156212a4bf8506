import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'
import { nameNear } from '../../../renderer/runtime/agent/offline/name-near'

const answerFailures = async (corpus: ReturnType<typeof scenario>): Promise<string[]> =>
  (await evaluate(corpus)).failures
    .filter((f) => f.problem.startsWith('answer'))
    .map((f) => `${f.turn}: ${f.problem} — ${f.reply}`)

describe('a question asking what someone or something is called', () => {
  it('is not answered by a name that stands beside someone else in the sentence', async () => {
    const corpus = scenario('names-beside', [
      {
        say: 'My wife Keiko and I are driving to Kanazawa on the 20th to see our daughter',
        expect: [{ kind: 'fact', words: ['Keiko'] }],
      },
      { ask: "what's my daughter's name?", unknown: true },
      { ask: "what's my wife called?", answer: ['Keiko'] },
      {
        say: "one of the ewes, Blossom, is limping, the vet reckons it's foot rot",
        expect: [{ kind: 'fact', words: ['Blossom'] }],
      },
      { ask: "what's the vet's name", unknown: true },
      {
        say: 'hubby Dave n me off to Majorca on the 3rd, kids staying w my mum',
        expect: [{ kind: 'fact', words: ['Dave'] }],
      },
      { ask: 'whats my mums name', unknown: true },
      { ask: 'whats my hubbys name', answer: ['Dave'] },
    ])
    expect(await answerFailures(corpus)).toEqual([])
  })

  it('is still answered by a name told next to what it names', async () => {
    const corpus = scenario('names-next-to', [
      {
        say: 'my boss is Mr Teo, very strict one',
        expect: [{ kind: 'fact', words: ['Teo'] }],
      },
      { ask: "what's my boss's name", answer: ['Teo'] },
      {
        say: 'my daughter, Lily, starts school in September',
        expect: [{ kind: 'fact', words: ['Lily'] }],
      },
      { ask: "what's my daughter called?", answer: ['Lily'] },
      {
        say: "we've got a tortoise in the back garden, Sheldon",
        expect: [{ kind: 'fact', words: ['Sheldon'] }],
      },
      { ask: "what's my tortoise called", answer: ['Sheldon'] },
    ])
    expect(await answerFailures(corpus)).toEqual([])
  })
})

describe('nameNear', () => {
  it('reads how far a name stands from what the question names', () => {
    const q = "what's my daughter's name"
    expect(
      nameNear('My wife Keiko and I are flying to Osaka on the 20th to visit our daughter', [2], q),
    ).toBe(false)
    expect(nameNear('My daughter Aiko starts school', [2], q)).toBe(true)
    // Not mentioned at all: left to the other checks (it may be named in other words).
    expect(nameNear('Our eldest Aiko starts school', [2], q)).toBe(true)
    expect(
      nameNear('One of the ewes, Blossom, is lame, the vet thinks', [4], "the vet's name"),
    ).toBe(false)
  })
})

describe('nameNear, names set off by commas', () => {
  it.each([
    ['We also have a cat at the flat, Mochi', 7, "what's my cat called", true],
    ['I report to Sandra, the new boss', 3, "what's my boss called", true],
    ["my daughter's at uni in Leeds now, Amara loves it", 7, "what's my daughter called", true],
    ["Lad's 14, plays rugby for Sale Sharks academy", 5, "what's my lad's name", false],
    ['insurance paid out, got a new Silca machine', 6, 'what is my insurer called', false],
  ] as const)('"%s" (name at %i) for "%s": %s', (text, at, question, near) => {
    expect(nameNear(text, [at], question)).toBe(near)
  })
})
