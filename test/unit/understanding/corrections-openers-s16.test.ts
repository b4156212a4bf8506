import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const NOW = new Date('2026-05-04T09:00:00Z')

/** How the message was read: its captures' texts and whether they correct, or the amendment. */
const read = (message: string): unknown[] =>
  analyze(message, NOW).readings.map((r) =>
    r.type === 'capture'
      ? r.captures.map((c) => ({ text: c.text, correction: c.correction }))
      : r.type === 'amend'
        ? { amend: r.value }
        : r.type,
  )

describe('openers that say what follows corrects what was said', () => {
  it('"no hang on," and "no hold on," before the new value', () => {
    expect(read('no hang on, football is Thursday at 5')).toEqual([
      [{ text: 'Football is on Thursday, May 7 at 5', correction: true }],
    ])
    expect(read('no hold on, my sister lives in Leeds')).toEqual([
      [{ text: 'My sister lives in Leeds', correction: true }],
    ])
  })

  it('"wrong," before the new value', () => {
    expect(read("ugh wrong, the party's at Jen's")).toEqual([
      [{ text: "The party is at Jen's", correction: true }],
    ])
  })

  it('"ignore what I said about the budget," before the new value', () => {
    expect(read("ignore what I said about the budget, it's $4,000")).toEqual([{ amend: '$4,000' }])
  })

  it('"wrong" and "no" that open a statement of their own are not openers', () => {
    expect(read('wrong turn again on the way to work')).not.toContainEqual([
      expect.objectContaining({ correction: true }),
    ])
    expect(read('no hangovers for me these days')).not.toContainEqual([
      expect.objectContaining({ correction: true }),
    ])
  })
})
