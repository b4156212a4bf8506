import { describe, expect, it } from 'vitest'
import { sayInTurn } from '../../support/understanding/say-in-turn'

/** What is held after the messages, as "kind: text". */
const heldAfter = async (messages: readonly string[]): Promise<string[]> =>
  (await sayInTurn(messages)).map((i) => `${i.kind}: ${i.text}`)

describe('what whoever deals with a trouble found', () => {
  it("from a trade, is the note on the problem, not a fact of the person's", async () => {
    const held = await heldAfter([
      'the loop in the chapel has been buzzing all week',
      'estates say the loop amplifier needs a part from the supplier, nothing til February',
    ])
    expect(held).toEqual(['issue: The loop in the chapel has been buzzing all week'])
  })
  it('from a health worker, is kept as well', async () => {
    const held = await heldAfter([
      'left shoulder clicks and aches when I do big reaches',
      'physio says rotator cuff tendinopathy, rehab bands and no campus board for 6 weeks',
    ])
    expect(held).toContainEqual(expect.stringMatching(/^fact: .*tendinopathy/u))
  })
})
