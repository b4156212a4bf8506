import { decodeSessionBytes } from '../../../shared/session/codec'
import { loadSession } from '../../../shared/session/load-session'
import { webGzip } from '../../../renderer/runtime/files/web-gzip'
import { writeFreshSpace } from '../../../renderer/runtime/files/write-fresh-space'
import { SpaceDb } from '../../../renderer/runtime/db/space-db'
import { createSearchService } from '../../../renderer/runtime/search/search-service'
import type { ImportStagesInput, ImportStagesResult } from './bench-api'
import { must, openSpace } from './open-space'

/**
 * The app's import of a session file as a new space, stage by stage, with the runtime's own modules
 * (what `files.import` runs, without the window round trip): where the time goes.
 */
export async function importStages(input: ImportStagesInput): Promise<ImportStagesResult> {
  const bytes = (window as unknown as { benchFiles?: Record<string, Uint8Array> }).benchFiles?.[
    input.key
  ]
  if (!bytes) throw new Error(`no bench file ${input.key}`)
  const stages: { stage: string; ms: number }[] = []
  let t = performance.now()
  const lap = (stage: string): void => {
    const now = performance.now()
    stages.push({ stage, ms: now - t })
    t = now
  }
  const decoded = await decodeSessionBytes(bytes, webGzip)
  if (!decoded.ok) throw new Error(`decode: ${decoded.problems[0]?.message}`)
  lap('decode (gunzip, scan, unpack)')
  const loaded = loadSession(decoded.value.value)
  if (!loaded.ok) throw new Error(`validate: ${loaded.problems[0]?.message}`)
  lap('validate (migrate, check records, Yjs agreement)')
  const db = new SpaceDb(input.spaceId)
  const written = await writeFreshSpace(
    db,
    input.spaceId,
    loaded.value.data,
    null,
    loaded.value.exactLogs,
    () => ({ quarantine: [], kv: [] }),
    () => undefined,
  )
  db.close()
  lap('plan and write (a strict transaction per batch of conversations)')
  const space = must(await openSpace(input.spaceId), 'open the imported space')
  await space.summaries()
  lap('open the space and list conversations')
  const search = await createSearchService(space)
  await search.whenFull()
  lap('search index catch-up (every message)')
  space.close()
  return { stages, messages: written.messagesAdded }
}
