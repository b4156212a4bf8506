import { CURRENT_SCHEMA_VERSION, type Message } from '../../../shared/schema/current'
import type { Settings } from '../../../shared/contract/settings'
import { RegistryDb, SpaceDb } from '../../../renderer/runtime/db/space-db'
import { loadIdentity } from '../../../renderer/runtime/identity'
import { loadSettings, saveSettings } from '../../../renderer/runtime/settings-store'
import { Space } from '../../../renderer/runtime/space/space'
import { createSearchService } from '../../../renderer/runtime/search/search-service'
import { promptState } from '../../../renderer/runtime/memory/prompt-state'
import { assemblePrompt } from '../../../renderer/runtime/agent/prompt'
import { currentHits } from '../../../renderer/runtime/agent/current-hits'
import type { PromptOutcome, RestoreInput, RestoreResult } from './bench-api'
import { biggestConversation, must, quietListener } from './open-space'

/** Makes `spaceId` this profile's open space with the given restore settings (before a timed start). */
async function prepare(input: RestoreInput): Promise<void> {
  const registry = new RegistryDb()
  await registry.spaces.put({
    id: input.spaceId,
    name: 'Bench space',
    createdAt: new Date(input.nowMs).toISOString(),
  })
  await registry.kv.put({ key: 'activeSpace', value: input.spaceId })
  registry.close()
  const db = new SpaceDb(input.spaceId)
  const settings: Settings = {
    ...(await loadSettings(db)),
    strategy: input.strategy,
    contextWindow: input.contextWindow,
    replyReserve: input.replyReserve,
  }
  await saveSettings(db, settings)
  db.close()
}

/**
 * One restore, timed from a page that has not touched the space yet. The steps are the runtime's
 * own (`boot` in renderer/runtime/runtime.ts, then the prompt of `reply` in agent/reply.ts), called
 * here one by one so each milestone can be timed.
 */
export async function restore(input: RestoreInput): Promise<RestoreResult> {
  await prepare(input)
  const now = new Date(input.nowMs)
  if (input.profile) console.profile('restore')
  const t0 = performance.now()
  const steps: Record<string, number> = {}
  let last = t0
  const step = (name: string): void => {
    const at = performance.now()
    steps[name] = at - last
    last = at
  }
  const registry = new RegistryDb()
  const identity = await loadIdentity(registry)
  const db = new SpaceDb(identity.spaceId)
  const settings = await loadSettings(db)
  step('identity+settings')
  const space = must(
    await Space.restore(db, identity.spaceId, identity.spaceName, quietListener()),
    'open',
  )
  step('space')
  const search = await createSearchService(space)
  step('warm index')
  const readyMs = performance.now() - t0
  // Timed on its own: the full index loads in the background while the prompt is assembled.
  let fullIndexMs = Number.NaN
  const full = search.whenFull().then(() => {
    fullIndexMs = performance.now() - t0
  })

  const conversation = await biggestConversation(space)
  if (!conversation) throw new Error('the bench space has no conversation')
  step('conversation')
  const current: Message = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: 'bench-new-message',
    role: 'user',
    text: 'What did we decide about pgvector and the benchmark deadline?',
    createdAt: now.toISOString(),
    deviceId: 'bench-device',
    speaker: null,
    replyTo: null,
    error: null,
  }
  // What `reply` gives the prompt (agent/reply.ts): the state section's source, not all of memory.
  const memory = await promptState(space, settings.freshness, now)
  step('memory')
  const assembled = await assemblePrompt({
    strategy: settings.strategy,
    budget: settings.contextWindow - settings.replyReserve,
    now,
    memory,
    current,
    loadRecent: async (n) => {
      const before = performance.now()
      const r = await space.recent(conversation.id, n)
      steps['recent (inside prompt)'] = performance.now() - before
      return r
    },
    retrieve: async (query) => {
      const before = performance.now()
      // As `reply` does: memory found is shown only if it is current.
      const r = await currentHits(await search.search(query, { k: 8, now }), (ids) =>
        space.memoryItems(ids),
      )
      steps['retrieve (inside prompt)'] = performance.now() - before
      return r
    },
  })
  step('prompt')
  const promptMs = performance.now() - t0
  if (input.profile) console.profileEnd('restore')
  const prompt: PromptOutcome = assembled.ok
    ? {
        ok: true,
        tokens: assembled.value.total,
        history: assembled.value.messages.length - 1,
        retrieved: assembled.value.retrieved.length,
        sections: assembled.value.sections.map((x) => x.name),
      }
    : { ok: false, code: assembled.error.code, message: assembled.error.message }

  await full
  if (input.persistIndex) await search.persistNow()
  registry.close()
  // Closes its database and stops what it would do later (saving its view, loading its document).
  space.close()
  return { readyMs, promptMs, fullIndexMs, prompt, steps }
}
