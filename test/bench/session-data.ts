import type { SessionData } from '../../shared/session/session-data'
import { MESSAGE_STEP_MS } from './page/seed'
import { synthFacts, synthMessages } from './page/synth'

/** The title of the one big conversation in generated session files. */
export const BIG_CONVERSATION = 'Bench conversation'

/**
 * A session as an importer makes one (records only, no Yjs states): one conversation of
 * `messages` synthetic messages and `facts` facts. The app builds its documents from it on import.
 */
export function generateSession(input: {
  messages: number
  facts: number
  nowMs: number
}): SessionData {
  const startMs = input.nowMs - input.messages * MESSAGE_STEP_MS
  const messages = synthMessages({
    seed: 4,
    from: 0,
    count: input.messages,
    startMs,
    stepMs: MESSAGE_STEP_MS,
    deviceId: 'bench-device',
  })
  const created = new Date(startMs).toISOString()
  return {
    exportedAt: new Date(input.nowMs).toISOString(),
    app: { name: 'Keepsake bench', version: '0.0.0' },
    scope: 'space',
    space: { id: 'bench-space', name: 'Bench space', createdAt: created },
    memory: synthFacts({ seed: 4, from: 0, count: input.facts, nowMs: input.nowMs, spanDays: 60 }),
    quarantine: [],
    conversations: [
      {
        id: 'bench-conversation',
        title: BIG_CONVERSATION,
        createdAt: created,
        updatedAt: messages.at(-1)?.createdAt ?? created,
        deletedAt: null,
        messages,
        yjs: null,
      },
    ],
    yjs: null,
  }
}

/** The text of the last message of a generated session (what an opened conversation shows last). */
export const lastMessageText = (data: SessionData): string =>
  data.conversations[0]?.messages.at(-1)?.text ?? ''
