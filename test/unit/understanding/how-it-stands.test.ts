import { describe, expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'

describe('"how\'s my back?" after the problem got better answers with the problem and how it stands', () => {
  it.each([
    [
      "my back's been killing me since the move",
      'my back is fine now',
      "how's my back",
      /back.*resolved/iu,
    ],
    [
      "the boiler's leaking again",
      'plumber fixed the boiler',
      'how is the boiler',
      /boiler.*resolved/iu,
    ],
    [
      'I need to book the vet for Bella',
      'booked the vet for Bella',
      'how did the vet booking go',
      /vet/iu,
    ],
  ])('"%s", then "%s": "%s"', async (told, fixed, asked, answer) => {
    const { replies } = await converse([told, fixed, asked])
    expect(replies[2]).toMatch(answer)
    expect(replies[2]).not.toMatch(/isn't filed in memory/iu)
  })
})
