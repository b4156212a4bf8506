import 'fake-indexeddb/auto'
import { ok, type Result } from '../../../shared/errors'
import { RegistryDb, SpaceDb } from '../../../renderer/runtime/db/space-db'
import { Space, type SpaceListener } from '../../../renderer/runtime/space/space'
import { readImportFile } from '../../../renderer/runtime/files/read-import'
import { importSession, type ImportTarget } from '../../../renderer/runtime/files/import-session'
import { exportSession } from '../../../renderer/runtime/files/export-session'
import { readSpaceDoc } from '../../../shared/session/yjs-docs'
import { canonicalJson } from './canonical-json'
import type { ImportMode, ImportSummary } from '../../../shared/contract/files-requests'
import type { SessionEncoding } from '../../../shared/session/codec'
import type { RuntimeContext } from '../../../renderer/runtime/context'
import type { RuntimeHandlers } from '../../../shared/contract'

const quiet: SpaceListener = {
  memoryChanged: () => undefined,
  conversationsChanged: () => undefined,
  messagesAppended: () => undefined,
  messagesRemoved: () => undefined,
  nameChanged: () => undefined,
  storageFailed: (message) => {
    throw new Error(`storage failed: ${message}`)
  },
}

/** Opens (or creates) the space stored under `id`. */
export async function openSpace(
  id: string = `space-${crypto.randomUUID()}`,
  name = 'Test memory',
): Promise<Space> {
  const opened = await Space.open(new SpaceDb(id), id, name, quiet)
  if (!opened.ok) throw new Error(opened.error.message)
  return opened.value
}

/**
 * A profile: the registry (one per process, as in the app) with a new active space.
 * `reopen` does what the runtime does: opens the space the registry marks active.
 */
export async function profile(): Promise<{
  registry: RegistryDb
  space: () => Space
  target: (mode?: ImportMode) => ImportTarget
}> {
  const registry = new RegistryDb()
  let space = await openSpace()
  await registry.transaction('rw', registry.spaces, registry.kv, async () => {
    await registry.spaces.put({
      id: space.id,
      name: 'Test memory',
      createdAt: new Date().toISOString(),
    })
    await registry.kv.put({ key: 'activeSpace', value: space.id })
  })
  const reopen = async (): Promise<Result<{ handlers: RuntimeHandlers; ctx: RuntimeContext }>> => {
    await space.settle()
    const active = await registry.kv.get('activeSpace')
    const entry = await registry.spaces.get(String(active?.value))
    if (!entry) throw new Error('no active space')
    space = await openSpace(entry.id, entry.name)
    return ok({ handlers: {} as RuntimeHandlers, ctx: {} as RuntimeContext })
  }
  return {
    registry,
    space: () => space,
    target: () => ({
      space,
      registry,
      now: () => new Date('2026-06-01T12:00:00.000Z'),
      report: () => undefined,
      reopen,
    }),
  }
}

/** Exports a whole space as bytes; fails the test on an error. */
export async function exportBytes(space: Space, encoding: SessionEncoding): Promise<Uint8Array> {
  const r = await exportSession(
    space,
    { scope: 'space' },
    encoding,
    new Date('2026-06-01T10:00:00.000Z'),
    () => undefined,
  )
  if (!r.ok) throw new Error(r.error.message)
  return r.value.bytes
}

/** Reads and imports a file the way `files.import` does. */
export async function importBytes(
  target: ImportTarget,
  fileName: string,
  bytes: Uint8Array,
  mode: ImportMode,
): Promise<Result<ImportSummary>> {
  const read = await readImportFile(fileName, bytes, new Date('2026-06-01T12:00:00.000Z'))
  if (!read.ok)
    return {
      ok: false,
      error: {
        code: read.code,
        message: read.problems.map((p) => `${p.path}: ${p.message}`).join('\n'),
      },
    }
  return importSession(target, read.value, mode, fileName)
}

/**
 * What a person can observe of a space, in a comparable form: every memory item (history
 * included), every conversation entry, and each conversation's messages as the read model pages
 * them, plus its stored message count.
 */
export async function observe(space: Space): Promise<string> {
  await space.settle()
  const content = readSpaceDoc(space.state.doc)
  const memory = [...content.memory.values()].sort((a, b) => a.id.localeCompare(b.id))
  const summaries = (await space.summaries()).sort((a, b) => a.id.localeCompare(b.id))
  const conversations = []
  for (const s of summaries) {
    const page = await space.page(s.id, 0, 100_000)
    if (!page.ok) throw new Error(page.error.message)
    conversations.push({ summary: s, messages: page.value })
  }
  return canonicalJson({
    memory,
    conversations,
    quarantine: (await space.db.quarantine.toArray()).map((q) => ({ ...q, id: 0 })),
  })
}
