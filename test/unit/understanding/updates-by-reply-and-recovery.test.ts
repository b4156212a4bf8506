import { describe, expect, it } from 'vitest'
import { sayInTurn } from '../../support/understanding/say-in-turn'
import { bareFix } from '../../../renderer/runtime/understanding/bare-fix'

/** Where each task and problem stands after the messages, in the order told. */
const states = async (messages: string[]): Promise<string[]> =>
  (await sayInTurn(messages))
    .filter((i) => i.kind === 'issue' || i.kind === 'task')
    .map((i) => (i.kind === 'issue' ? (i.resolvedAt ? 'resolved' : 'open') : i.taskStatus))

describe('the answer that was waited for has come', () => {
  it('"the council finally replied" resolves "I still haven\'t heard back from the council"', async () => {
    expect(
      await states([
        "I still haven't heard back from the council about the permit",
        'I have to book a haircut',
        'the council finally replied',
      ]),
    ).toEqual(['resolved', 'in_progress'])
  })
})

describe('a trouble seen to', () => {
  it('"damp has been treated" resolves the damp patch, and is no new problem', async () => {
    expect(
      await states([
        'the damp patch in the bedroom is getting worse',
        'I have to book a haircut',
        'landlord finally sent someone round, damp has been treated',
      ]),
    ).toEqual(['resolved', 'in_progress'])
  })
})

describe('a thing told as stuck with "\'s"', () => {
  it('"visa\'s stuck at the embassy" blocks the visa task, and is no new problem', async () => {
    expect(
      await states([
        'I need to get my visa renewed',
        'I have to book a haircut',
        "visa's stuck at the embassy",
      ]),
    ).toEqual(['blocked', 'in_progress'])
  })
})

describe('a pet or a person well again, told without the trouble', () => {
  it('"he\'s eating again" resolves the one open problem', async () => {
    expect(
      await states([
        'the dog has been off his food',
        'I have to book a haircut',
        "he's eating again",
      ]),
    ).toEqual(['resolved', 'in_progress'])
  })

  it('reads a recovery, not news of the moment', () => {
    expect(bareFix("she's walking fine now")).toBe(true)
    expect(bareFix("he's back to his old self")).toBe(true)
    expect(bareFix("she's sleeping now")).toBe(false)
    expect(bareFix("he's eating his dinner")).toBe(false)
  })
})
