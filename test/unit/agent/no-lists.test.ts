import { describe, expect, it } from 'vitest'
import { asProse } from '../../../renderer/runtime/agent/offline/no-lists'
import { converse } from '../../support/understanding/say-in-turn'

/** Says each message in turn over one memory document; returns the last reply. */
const lastReply = async (messages: string[]): Promise<string> =>
  (await converse(messages, '2026-03-02T09:00:00Z')).replies.at(-1)!

describe('a person who asked for no bullet points', () => {
  it('gets a list said as a sentence', async () => {
    const reply = await lastReply([
      'need to get the API docs out by Friday',
      'renew my passport by the end of the month',
      'no bullet points please',
      "what's due this month?",
    ])
    expect(reply).not.toMatch(/^\s*[-•*]\s/mu)
    expect(reply).toMatch(/^Due this month: .*API docs.*; .*passport.*\.$/u)
  })

  it('still gets lists when nobody asked otherwise', async () => {
    const reply = await lastReply([
      'need to get the API docs out by Friday',
      'renew my passport by the end of the month',
      "what's due this month?",
    ])
    expect(reply).toMatch(/^- /mu)
  })
})

describe('asProse', () => {
  it('joins the items after their heading and keeps the other lines', () => {
    expect(asProse('Open problems:\n- The boiler leaks\n- The car rattles')).toBe(
      'Open problems: the boiler leaks; the car rattles.',
    )
    expect(asProse('About you:\n- Maria lives in Leeds\n\nThat is all.')).toBe(
      'About you: Maria lives in Leeds.\n\nThat is all.',
    )
  })
})
