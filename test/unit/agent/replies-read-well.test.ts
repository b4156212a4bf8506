import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { respondOffline } from '../../../renderer/runtime/agent/offline/respond'
import { docTools } from '../../support/understanding/evaluate'

const start = new Date('2026-03-04T09:00:00Z')

/** Plays messages a minute apart into one memory; returns each reply. */
async function conversation(...texts: string[]): Promise<string[]> {
  const tools = docTools(new Y.Doc(), start, async () => [])
  const out: string[] = []
  for (const [i, text] of texts.entries()) {
    const now = new Date(start.getTime() + i * 60_000)
    const r = await respondOffline(
      {
        text,
        now,
        earlier: [],
        firstTurn: false,
        change: { now, actor: 'assistant', source: null },
      },
      tools,
    )
    out.push(r.text)
  }
  return out
}

describe('replies read well', () => {
  it('leave out an exclamation before a problem', async () => {
    const [a, b] = await conversation(
      'ugh the wifi keeps dropping every afternoon',
      'argh, my car will not start again',
    )
    expect(a).toBe('Noted the problem: the wifi keeps dropping every afternoon.')
    expect(b).toBe('Noted the problem: your car will not start again.')
  })

  it('leave out "quick context:" and end a note that closes on a bracket with a full stop', async () => {
    const [a, b] = await conversation(
      "quick context: I'm a backend dev at Monzo, mostly Go and Postgres",
      'actually we switched to Qdrant last week',
    )
    expect(a).toBe('Noted: you are a backend dev at Monzo, mostly Go and Postgres.')
    expect(b).toBe('Noted: you use Qdrant (switched last week).')
  })

  it('give a habit with an amount a day no due date', async () => {
    const [, b] = await conversation(
      "I'm trying to cut down on caffeine, max 2 coffees a day",
      'what do I still need to do?',
    )
    expect(b).toContain('max 2 coffees a day')
    expect(b).not.toMatch(/due/u)
  })

  it('say what a correction replaced as the old statement when its value is a clause', async () => {
    const [, b] = await conversation(
      "we've got a 4 year old, Isla, she starts reception in September",
      'actually Isla starts in October not September, they changed the intake',
    )
    expect(b).toMatch(/^Updated: Isla starts in October/u)
    expect(b).toContain(
      '(was “You have got a 4 year old, Isla, she starts reception in September”)',
    )
  })
})
