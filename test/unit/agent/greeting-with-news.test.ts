import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { respondOffline } from '../../../renderer/runtime/agent/offline/respond'
import { docTools } from '../../support/understanding/evaluate'

const now = new Date('2026-03-04T09:00:00Z')

async function reply(text: string): Promise<string> {
  const answer = await respondOffline(
    { text, now, earlier: [], firstTurn: false, change: { now, actor: 'assistant', source: null } },
    docTools(new Y.Doc(), now, async () => []),
  )
  return answer.text
}

describe('a greeting', () => {
  it('on its own gets the welcome that says what the assistant does', async () => {
    expect(await reply('hi there')).toContain('Tell me about yourself')
  })
  it('with something to remember is a short hello before what was noted', async () => {
    const text = await reply('hi! I get migraines about twice a month')
    expect(text).not.toContain('Tell me about yourself')
    expect(text).toMatch(/^Hi!\n\nNoted: you get migraines/u)
  })
})
