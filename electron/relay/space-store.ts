import { mkdir, readFile, stat, truncate } from 'node:fs/promises'
import { join } from 'node:path'
import * as Y from 'yjs'
import { err, ok, type Result } from '../../shared/errors'
import { appendDurably, syncDirectory, writeFileAtomic } from './durable-file'
import { decodeRecords, encodeRecord } from './log-records'
import { serialQueue, type SerialQueue } from '../../shared/serial-queue'

/** Log size after which a space's log is folded into its snapshot. */
const COMPACT_AFTER_BYTES = 4 * 1024 * 1024
/** Appends after which a space's log is folded into its snapshot, whatever their size. */
const COMPACT_AFTER_RECORDS = 2000

/**
 * Durable storage of each space's envelope document, one directory per space:
 * `snapshot.bin` (one Yjs update, replaced atomically) and `updates.log` (framed updates, appended and
 * fsynced before `append` resolves). Appends to one space that arrive together share one fsync.
 */
export interface SpaceStore {
  /** Every stored update of the space, snapshot first. A damaged log tail is cut off and reported. */
  load(spaceId: string): Promise<Result<Uint8Array[]>>
  /** Resolves once `update` is on disk. */
  append(spaceId: string, update: Uint8Array): Promise<Result<void>>
  /**
   * Waits for queued appends and compactions. Afterwards the store refuses loads and appends (a
   * message still in flight when the relay stops is not acknowledged, and nothing is written under
   * the data directory once `close` has resolved).
   */
  close(): Promise<void>
}

interface Pending {
  update: Uint8Array
  done: (result: Result<void>) => void
}

interface SpaceState {
  /** Serialises loads, appends and compactions of one space. */
  queue: SerialQueue
  pending: Pending[]
  flushQueued: boolean
  logBytes: number | null
  records: number
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** Opens the store rooted at `root` (created on first write). `warn` receives damage reports. */
export function createSpaceStore(root: string, warn: (message: string) => void): SpaceStore {
  const spaces = new Map<string, SpaceState>()
  let closed = false
  const refused = (spaceId: string): Result<never> =>
    err('storage', `the relay is stopping; space ${spaceId} was not read or written`)
  const dirOf = (spaceId: string): string => join(root, spaceId)
  const logOf = (spaceId: string): string => join(dirOf(spaceId), 'updates.log')
  const snapshotOf = (spaceId: string): string => join(dirOf(spaceId), 'snapshot.bin')

  const stateOf = (spaceId: string): SpaceState => {
    let state = spaces.get(spaceId)
    if (!state) {
      state = {
        queue: serialQueue(),
        pending: [],
        flushQueued: false,
        logBytes: null,
        records: 0,
      }
      spaces.set(spaceId, state)
    }
    return state
  }

  const exclusive = <T>(spaceId: string, task: () => Promise<T>): Promise<T> => {
    return stateOf(spaceId).queue(task)
  }

  const readOptional = async (path: string): Promise<Uint8Array | null> => {
    try {
      return new Uint8Array(await readFile(path))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
  }

  /** Reads snapshot and log; cuts a damaged tail so later appends are not hidden behind it. */
  const readAll = async (spaceId: string): Promise<Uint8Array[]> => {
    const state = stateOf(spaceId)
    const snapshot = await readOptional(snapshotOf(spaceId))
    const log = await readOptional(logOf(spaceId))
    const decoded = log ? decodeRecords(log) : { records: [], goodBytes: 0 }
    if (log && decoded.goodBytes < log.byteLength) {
      warn(
        `space ${spaceId}: cut ${log.byteLength - decoded.goodBytes} damaged bytes from the end of updates.log ` +
          '(a write interrupted before it was acknowledged)',
      )
      await truncate(logOf(spaceId), decoded.goodBytes)
    }
    state.logBytes = decoded.goodBytes
    state.records = decoded.records.length
    return snapshot ? [snapshot, ...decoded.records] : decoded.records
  }

  const compact = async (spaceId: string): Promise<void> => {
    const updates = await readAll(spaceId)
    const doc = new Y.Doc()
    for (const update of updates) Y.applyUpdate(doc, update)
    const snapshot = Y.encodeStateAsUpdate(doc)
    doc.destroy()
    await writeFileAtomic(snapshotOf(spaceId), snapshot)
    // A crash between the rename and this truncate only replays updates already in the snapshot.
    await truncate(logOf(spaceId), 0)
    const state = stateOf(spaceId)
    state.logBytes = 0
    state.records = 0
  }

  const flush = async (spaceId: string): Promise<void> => {
    const state = stateOf(spaceId)
    state.flushQueued = false
    const batch = state.pending.splice(0)
    if (batch.length === 0) return
    try {
      if (state.logBytes === null) {
        await mkdir(dirOf(spaceId), { recursive: true, mode: 0o700 })
        state.logBytes = await stat(logOf(spaceId)).then(
          (s) => s.size,
          () => 0,
        )
      }
      const created = state.logBytes === 0
      const chunks = batch.map((p) => encodeRecord(p.update))
      await appendDurably(logOf(spaceId), chunks)
      if (created) await syncDirectory(dirOf(spaceId))
      state.logBytes += chunks.reduce((n, c) => n + c.byteLength, 0)
      state.records += chunks.length
      for (const p of batch) p.done(ok(undefined))
    } catch (e) {
      const error = err('storage', `could not store an update for space ${spaceId}: ${describe(e)}`)
      for (const p of batch) p.done(error)
      return
    }
    if (state.logBytes > COMPACT_AFTER_BYTES || state.records > COMPACT_AFTER_RECORDS) {
      // A failed compaction loses nothing: the log is only truncated after the snapshot is durable.
      await compact(spaceId).catch((e) =>
        warn(`space ${spaceId}: compaction failed: ${describe(e)}`),
      )
    }
  }

  return {
    load: (spaceId) =>
      closed
        ? Promise.resolve(refused(spaceId))
        : exclusive(spaceId, async () => {
            try {
              return ok(await readAll(spaceId))
            } catch (e) {
              return err('storage', `could not read space ${spaceId}: ${describe(e)}`)
            }
          }),
    append: (spaceId, update) =>
      new Promise<Result<void>>((done) => {
        if (closed) return done(refused(spaceId))
        const state = stateOf(spaceId)
        state.pending.push({ update, done })
        if (!state.flushQueued) {
          state.flushQueued = true
          void exclusive(spaceId, () => flush(spaceId))
        }
      }),
    close: async () => {
      closed = true
      await Promise.all([...spaces.values()].map((s) => s.queue(async () => undefined)))
    },
  }
}
