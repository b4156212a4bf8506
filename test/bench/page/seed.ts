import { memoryMap } from '../../../renderer/runtime/memory/memory-doc'
import type { SeedInput, SeedResult } from './bench-api'
import { biggestConversation, must, openSpace } from './open-space'
import { synthFacts, synthMessages } from './synth'

/** One message per this many milliseconds of synthetic history: 100k messages span about a year. */
export const MESSAGE_STEP_MS = 5 * 60_000

/**
 * Writes synthetic history through the runtime's own write path (`Space.append`, the space
 * document's memory map), in batches, with relaxed durability: the stored bytes are the same as
 * the app writes, only the fsync per transaction is skipped while seeding.
 */
export async function seed(input: SeedInput): Promise<SeedResult> {
  const started = performance.now()
  const space = must(await openSpace(input.spaceId, 'relaxed'), 'open the space')
  try {
    let conversation = await biggestConversation(space)
    if (!conversation) {
      const created = must(
        await space.createConversation('Bench conversation', new Date(input.nowMs)),
        'create the conversation',
      )
      conversation = { id: created.id, count: 0 }
    }
    const total = conversation.count + input.messages
    const startMs = input.nowMs - total * MESSAGE_STEP_MS
    for (let from = conversation.count; from < total; from += input.batch) {
      const count = Math.min(input.batch, total - from)
      const messages = synthMessages({
        seed: input.seed,
        from,
        count,
        startMs,
        stepMs: MESSAGE_STEP_MS,
        deviceId: 'bench-device',
      })
      must(await space.append(conversation.id, messages), 'append')
    }
    const factsBefore = memoryMap(space.state.doc).size
    for (let from = factsBefore; from < factsBefore + input.facts; from += input.batch) {
      const count = Math.min(input.batch, factsBefore + input.facts - from)
      const facts = synthFacts({ seed: input.seed, from, count, nowMs: input.nowMs, spanDays: 400 })
      must(
        await space.state.change((doc) => {
          const map = memoryMap(doc)
          for (const fact of facts) map.set(fact.id, fact)
        }),
        'remember facts',
      )
    }
    await space.settle()
    return {
      conversationId: conversation.id,
      messages: total,
      facts: memoryMap(space.state.doc).size,
      ms: performance.now() - started,
    }
  } finally {
    space.db.close()
  }
}
