import type { AppendsInput, AppendsResult } from './bench-api'
import { biggestConversation, must, openSpace } from './open-space'
import { synthMessages } from './synth'

/**
 * Acknowledged appends: `Space.append` (what `chat.send` calls) resolves once the message is
 * written in a Dexie transaction with the given durability. Each call is one message.
 */
export async function appends(input: AppendsInput): Promise<AppendsResult> {
  const space = must(await openSpace(input.spaceId, input.durability), 'open the space')
  try {
    const conversation =
      input.conversation === 'longest'
        ? await biggestConversation(space)
        : must(
            await space.createConversation(`Appends ${input.durability}`, new Date(input.nowMs)),
            'create the conversation',
          )
    if (conversation === null) throw new Error('the space has no conversation to append to')
    const messages = synthMessages({
      seed: 3,
      from: 0,
      count: input.count,
      startMs: input.nowMs,
      stepMs: 1000,
      deviceId: 'bench-device',
    })
    const latenciesMs: number[] = []
    const started = performance.now()
    if (input.mode === 'sequential') {
      for (const message of messages) {
        const t = performance.now()
        must(await space.append(conversation.id, [message]), 'append')
        latenciesMs.push(performance.now() - t)
      }
    } else {
      await Promise.all(
        messages.map(async (message) => {
          const t = performance.now()
          must(await space.append(conversation.id, [message]), 'append')
          latenciesMs.push(performance.now() - t)
        }),
      )
    }
    const totalMs = performance.now() - started
    await space.settle()
    return { latenciesMs, totalMs }
  } finally {
    space.db.close()
  }
}
