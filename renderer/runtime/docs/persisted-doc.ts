import * as Y from 'yjs'
import { Dexie } from 'dexie'
import { ok, type Result } from '../../../shared/errors'
import type { SnapshotRow, SpaceDb, UpdateRow } from '../db/space-db'
import { storageError } from '../db/storage-error'
import { positionOf, readStoredRows, type StoredPosition } from './stored-rows'
import type { Unreadable } from '../../../shared/docs'
import { serialQueue } from '../../../shared/serial-queue'
import { toBase64 } from '../../../shared/session/base64'
import { quarantine } from '../memory/quarantine'
import { IDLE_MS, IdleTask } from './idle-task'
import { commitUpdates, emptyChanges, type DocWrite, type RowChanges } from './commit-updates'

export type { RowChanges } from './commit-updates'
export type { StoredPosition } from './stored-rows'

/** Origin of updates replayed from storage; they are already durable and are not written again. */
export const LOAD_ORIGIN = 'keepsake:load'

/**
 * Registers observers on `doc` that describe read-model changes into `out`. Observers skip
 * transactions with LOAD_ORIGIN: what they replay was described when it was first written.
 */
export type Projector = (doc: Y.Doc, out: () => RowChanges) => void

/** What one commit made durable, published only after its Dexie transaction has completed. */
export interface Committed {
  docId: string
  changes: RowChanges
}

/** Each live document's PersistedDoc, so code handed the Y.Doc (sync) can reach its storage. */
const persistedOf = new WeakMap<Y.Doc, PersistedDoc>()

/** How many update rows a document collects before they are folded into one snapshot. */
export const COMPACT_AFTER_ROWS = 400

/** A log this long is compacted right after the write that grew it, even while writes keep coming. */
export const COMPACT_AT_MOST_ROWS = COMPACT_AFTER_ROWS * 4

/**
 * A Yjs document persisted through Dexie as an append-only update log with snapshots.
 * Every update, whatever its origin (a local action, sync, an import), is written with its read-model
 * rows in one strict transaction (`commitUpdates`), and only once that transaction has completed is
 * the change published to `onCommit` listeners: nothing hears of a change before the disk has it.
 * Opening a document only reads; it never rewrites unchanged data.
 */
export class PersistedDoc {
  readonly doc: Y.Doc
  private pending: Uint8Array[] = []
  private changes: RowChanges = emptyChanges()
  private readonly queue = serialQueue()
  private rowsSinceSnapshot: number
  /**
   * The update rows since the snapshot whose content the live document holds (replayed when it
   * opened, or written or adopted by it); null when its snapshot could not be replayed. While these
   * are all the stored rows, compaction writes the live document's state instead of merging the log.
   */
  private held: Set<number> | null
  /** A due compaction, waiting for writes to pause (see `compactWhenDue`). */
  private readonly compaction = new IdleTask(() => this.queue(() => this.compactIfDue()), IDLE_MS)
  private destroyed = false
  /** Where in the stored log the live document is (its last row and snapshot), as far as it wrote or read them. */
  private position: StoredPosition
  private autoFlush: ReturnType<typeof setTimeout> | null = null
  private listeners = new Set<(result: Result<void>) => void>()
  private committedListeners = new Set<(committed: Committed) => void>()

  private constructor(
    private readonly db: SpaceDb,
    readonly docId: string,
    doc: Y.Doc,
    rows: number,
    position: StoredPosition,
    held: Set<number> | null,
  ) {
    this.doc = doc
    this.rowsSinceSnapshot = rows
    this.position = position
    this.held = held
    doc.on('update', this.onUpdate)
    persistedOf.set(doc, this)
  }

  /** The PersistedDoc whose live document `doc` is, if any. */
  static of(doc: Y.Doc): PersistedDoc | undefined {
    return persistedOf.get(doc)
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === LOAD_ORIGIN) return
    this.keep(update)
  }

  private keep(update: Uint8Array): void {
    this.pending.push(update)
    // Updates that arrive without an awaiting caller (sync, another runtime) still get written promptly.
    if (this.autoFlush === null) this.autoFlush = setTimeout(() => void this.flush(), 0)
  }

  /** Reads the snapshot and update log of `docId` into a fresh Y.Doc. */
  static async open(
    db: SpaceDb,
    docId: string,
    project?: Projector,
  ): Promise<Result<PersistedDoc>> {
    try {
      const { snapshot, rows } = await readStoredRows(db, docId)
      const { doc, unreadable } = replay(docId, snapshot, rows)
      // A row that cannot be replayed is shown to the person, never skipped silently; the rest loads.
      if (unreadable.length > 0) await quarantine(db, unreadable)
      const skipped = new Set(
        unreadable.filter((u) => u.origin === 'updates').map((u) => u.recordId),
      )
      const held = unreadable.some((u) => u.origin === 'snapshots')
        ? null
        : new Set(
            rows.flatMap((r) =>
              r.seq !== undefined && !skipped.has(String(r.seq)) ? [r.seq] : [],
            ),
          )
      const persisted = new PersistedDoc(
        db,
        docId,
        doc,
        rows.length,
        positionOf(snapshot, rows),
        held,
      )
      if (project) project(doc, () => persisted.changes)
      return ok(persisted)
    } catch (e) {
      return storageError(e, `open ${docId}`)
    }
  }

  /** Runs `fn` in one Yjs transaction and resolves once the change is durable. */
  async change(fn: (doc: Y.Doc) => void): Promise<Result<void>> {
    this.doc.transact(() => fn(this.doc))
    return this.flush()
  }

  /**
   * Runs `fn` on this document and `alsoFn` on `also` (one Yjs transaction each) and stores both
   * changes in one strict Dexie transaction; resolves once both are durable. Each document publishes
   * its change only after that transaction has completed, as `change` does. Used where one action
   * changes two documents (an append and its conversation's "updated" time): one transaction, one
   * flush to disk. `also` must be of the same database and never hold its queue waiting on this one's.
   */
  async changeWith(
    also: PersistedDoc,
    fn: (doc: Y.Doc) => void,
    alsoFn: (doc: Y.Doc) => void,
  ): Promise<Result<void>> {
    return PersistedDoc.changeAll([
      [this, fn],
      [also, alsoFn],
    ])
  }

  /**
   * `changeWith` for any number of documents of one database: each change runs in one Yjs
   * transaction of its document, and all are stored in one strict Dexie transaction (a segment
   * sealed, the next one started and the conversation's entry touched by one append). Documents
   * must be distinct, and none may hold its queue waiting on another's.
   */
  static async changeAll(
    changes: readonly (readonly [PersistedDoc, (doc: Y.Doc) => void])[],
  ): Promise<Result<void>> {
    for (const [persisted, fn] of changes) persisted.doc.transact(() => fn(persisted.doc))
    const docs = changes.map(([persisted]) => persisted)
    const inQueues = docs.reduceRight<() => Promise<Result<void>>>(
      (inner, persisted) => () => persisted.queue(inner),
      () => PersistedDoc.writeTogether(docs),
    )
    return inQueues()
  }

  /**
   * Applies an update that came from elsewhere (another device, with `origin`) and stores the bytes
   * as they arrived. Applying through `Y.applyUpdate` with this document listening would have Yjs
   * encode the whole change again for the listener, which for a new device's first sync of a long
   * conversation costs nearly as much as decoding it; so the listener is off meanwhile. An update
   * that brought nothing new is not stored; one that must wait for updates it builds on is (Yjs keeps
   * it pending in memory only). Changes other code makes while it applies (observers) are stored too.
   * Throws what `Y.applyUpdate` throws for bytes that are not an update.
   */
  receive(update: Uint8Array, origin: unknown): void {
    const before = Y.encodeStateVector(this.doc)
    let news = false
    let other = false
    const watch = (transaction: Y.Transaction): void => {
      if (transaction.origin !== origin) other = true
      else if (transaction.deleteSet.clients.size > 0 || moved(transaction)) news = true
    }
    this.doc.off('update', this.onUpdate)
    this.doc.on('afterTransaction', watch)
    try {
      Y.applyUpdate(this.doc, update, origin)
    } finally {
      this.doc.off('afterTransaction', watch)
      this.doc.on('update', this.onUpdate)
    }
    const { pendingStructs, pendingDs } = this.doc.store
    if (news || pendingStructs !== null || pendingDs !== null) this.keep(update)
    if (other) this.keep(Y.encodeStateAsUpdate(this.doc, before))
  }

  /** Calls `listener` after each flush with its outcome (used to surface storage errors of background writes). */
  onFlush(listener: (result: Result<void>) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Calls `listener` with each change after the transaction that stored it completed: local edits,
   * sync and imports alike. The only source of "this changed" for anything shown to the person.
   */
  onCommit(listener: (committed: Committed) => void): () => void {
    this.committedListeners.add(listener)
    return () => this.committedListeners.delete(listener)
  }

  /**
   * Takes in a write that `commitUpdates` already stored with others (an import's one transaction)
   * under `seq`: the update is applied without being written again, and published as committed.
   */
  adopt(write: DocWrite, seq: number): Promise<void> {
    return this.queue(async () => {
      Y.applyUpdate(this.doc, write.update, LOAD_ORIGIN)
      this.rowsSinceSnapshot += 1
      this.held?.add(seq)
      this.position = { ...this.position, seq: Math.max(this.position.seq, seq) }
      this.publish(write.rows)
      this.compactWhenDue()
    })
  }

  /**
   * Calls `capture` with the live document once everything pending is written, when the document
   * holds exactly what is stored up to `position` (nothing waiting to be written), and resolves to
   * what it returned; null when a change was still pending or could not be written. `capture` must
   * not change the document. Rows another runtime wrote are not in `position`, so a reader that
   * compares it with the stored log sees they are missing.
   */
  whenStored<T>(capture: (doc: Y.Doc, position: StoredPosition) => T): Promise<T | null> {
    return this.queue(async () => {
      const written = await this.writePending()
      if (!written.ok || this.pending.length > 0) return null
      return capture(this.doc, this.position)
    })
  }

  private publish(changes: RowChanges): void {
    for (const listener of this.committedListeners) {
      try {
        listener({ docId: this.docId, changes })
      } catch (e) {
        // A listener's bug must not turn a durable write into a reported failure.
        console.error('a commit listener failed', e)
      }
    }
  }

  /** Writes everything pending in one strict transaction. Failed writes stay queued and are retried. */
  flush(): Promise<Result<void>> {
    return this.queue(() => this.writePending())
  }

  private writePending(): Promise<Result<void>> {
    return PersistedDoc.writeTogether([this])
  }

  /** Takes what is pending to write (nothing when nothing is), leaving this document with nothing pending. */
  private takePending(): Pending | null {
    if (this.autoFlush !== null) {
      clearTimeout(this.autoFlush)
      this.autoFlush = null
    }
    if (this.pending.length === 0) return null
    const updates = this.pending
    const changes = this.changes
    this.pending = []
    this.changes = emptyChanges()
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
    return { updates, write: { docId: this.docId, update, rows: changes } }
  }

  /** Puts back what a failed write took, before anything pending since, so it is retried. */
  private restorePending({ updates, write }: Pending): void {
    const changes = write.rows
    this.pending = [...updates, ...this.pending]
    this.changes = {
      messages: [...changes.messages, ...this.changes.messages],
      messagesDeleted: [...changes.messagesDeleted, ...this.changes.messagesDeleted],
      memoryPut: [...changes.memoryPut, ...this.changes.memoryPut],
      memoryDelete: [...changes.memoryDelete, ...this.changes.memoryDelete],
      conversations: [...changes.conversations, ...this.changes.conversations],
    }
  }

  /** After the transaction that held `taken` completed or failed: publish, compact, report. */
  private settleWrite(taken: Pending, result: Result<void>, seq: number | undefined): void {
    if (result.ok) {
      if (seq !== undefined) {
        this.position = { ...this.position, seq }
        this.held?.add(seq)
      }
      this.rowsSinceSnapshot += 1
      // The transaction has completed: now, and only now, the change is told.
      this.publish(taken.write.rows)
      this.compactWhenDue()
    } else this.restorePending(taken)
    for (const listener of this.listeners) listener(result)
  }

  /**
   * Once the log has grown to `COMPACT_AFTER_ROWS`, compacts it in a job of its own in the write
   * queue once writes have paused for `IDLE_MS` (each write puts it off again), or right
   * after this write when the log reached `COMPACT_AT_MOST_ROWS`. Never inside a write a caller
   * waits for (an acknowledged append), and, while writes come one after another, not between them.
   */
  private compactWhenDue(): void {
    if (this.rowsSinceSnapshot < COMPACT_AFTER_ROWS) return
    if (this.rowsSinceSnapshot >= COMPACT_AT_MOST_ROWS) {
      // Queued now, so it runs before any write asked for after this one (a timer could let one in).
      this.compaction.cancel()
      void this.queue(() => this.compactIfDue()).catch((e: unknown) => {
        // Housekeeping: the log stays valid uncompacted, and the next write tries again.
        console.error('housekeeping failed', e)
      })
    } else this.compaction.poke()
  }

  private async compactIfDue(): Promise<void> {
    if (!this.destroyed && this.rowsSinceSnapshot >= COMPACT_AFTER_ROWS) await this.compact()
  }

  /**
   * Writes what `docs` have pending in one strict transaction (`commitUpdates`), then lets each
   * publish its change. Call from inside the write queue of every one of `docs`.
   */
  private static async writeTogether(docs: readonly PersistedDoc[]): Promise<Result<void>> {
    const taken = docs.map((d) => [d, d.takePending()] as const)
    const writes = taken.flatMap(([, t]) => (t ? [t.write] : []))
    if (writes.length === 0) return ok(undefined)
    let result: Result<void>
    let seqs: number[] = []
    try {
      seqs = await commitUpdates(docs[0]!.db, writes)
      result = ok(undefined)
    } catch (e) {
      result = storageError(e, 'save')
    }
    // `commitUpdates` gives the seq of each write in order; each document learns its own.
    let next = 0
    for (const [doc, t] of taken) if (t) doc.settleWrite(t, result, seqs[next++])
    return result
  }

  /**
   * Folds the update log into one snapshot. Runs inside the write queue, so no update is lost
   * between. While the live document holds exactly what is stored (the snapshot it knows, every row,
   * nothing pending), the snapshot is its state, encoded once; otherwise (rows another runtime wrote
   * to this database) the stored parts are merged with it, so nothing stored is dropped with the log.
   */
  private async compact(): Promise<void> {
    const db = this.db
    let compacted: StoredPosition | null = null
    try {
      await db.transaction('rw', [db.updates, db.snapshots], async () => {
        const [snapshot, keys] = await Promise.all([
          db.snapshots.get(this.docId),
          db.updates
            .where('[docId+seq]')
            .between([this.docId, Dexie.minKey], [this.docId, Dexie.maxKey])
            .primaryKeys(),
        ])
        const last = keys.at(-1)
        if (last === undefined) return
        const state = this.holdsStored(snapshot, keys)
          ? Y.encodeStateAsUpdate(this.doc)
          : await this.mergeStored(last)
        // A damaged row (quarantined when the document opened) keeps the log as it is.
        if (!state) return
        const at = new Date().toISOString()
        await db.snapshots.put({ docId: this.docId, state, upToSeq: last, at })
        await db.updates.bulkDelete(keys)
        compacted = { seq: Math.max(last, this.position.seq), snapshotAt: at }
      })
      this.rowsSinceSnapshot = 0
      if (compacted) {
        this.position = compacted
        this.held = new Set()
      }
    } catch {
      // Compaction is an optimisation; the log stays valid and the next flush tries again.
    }
  }

  /** Whether the live document holds exactly `snapshot` and the rows `keys`, and nothing more. */
  private holdsStored(snapshot: SnapshotRow | undefined, keys: readonly number[]): boolean {
    const held = this.held
    return (
      held !== null &&
      this.pending.length === 0 &&
      (snapshot?.at ?? null) === this.position.snapshotAt &&
      keys.every((k) => held.has(k))
    )
  }

  /**
   * The stored snapshot and rows up to `last` merged with the live document, which takes them in;
   * null when a stored part cannot be merged. Call inside a transaction over both tables.
   */
  private async mergeStored(last: number): Promise<Uint8Array | null> {
    const { snapshot, rows } = await readStoredRows(this.db, this.docId)
    const parts = [
      ...(snapshot ? [snapshot.state] : []),
      ...rows.filter((r) => (r.seq ?? 0) <= last).map((r) => r.update),
      Y.encodeStateAsUpdate(this.doc),
    ]
    let state: Uint8Array
    try {
      state = Y.mergeUpdates(parts)
    } catch {
      return null
    }
    Y.applyUpdate(this.doc, state, LOAD_ORIGIN)
    return state
  }

  /**
   * Rewrites this document's storage as one snapshot of its garbage-collected state, so content it
   * deleted (a message or conversation deleted for good) is in no stored row. Ordinary compaction
   * merges the stored updates, which keeps deleted content; this rebuilds from the live document,
   * whose deleted items Yjs has already replaced by their length. Runs in the write queue after
   * everything pending is written.
   */
  purge(): Promise<Result<void>> {
    return this.queue(async () => {
      const written = await this.writePending()
      if (!written.ok) return written
      const db = this.db
      let purged: StoredPosition | null = null
      try {
        await db.transaction('rw', [db.updates, db.snapshots], async () => {
          const { snapshot, rows } = await readStoredRows(db, this.docId)
          // Rows another runtime wrote to this database are taken in before the log goes.
          for (const part of [...(snapshot ? [snapshot.state] : []), ...rows.map((r) => r.update)])
            if (part instanceof Uint8Array) Y.applyUpdate(this.doc, part, LOAD_ORIGIN)
          const upToSeq = rows.at(-1)?.seq ?? snapshot?.upToSeq ?? 0
          const at = new Date().toISOString()
          await db.snapshots.put({
            docId: this.docId,
            state: Y.encodeStateAsUpdate(this.doc),
            upToSeq,
            at,
          })
          await db.updates
            .where('[docId+seq]')
            .between([this.docId, Dexie.minKey], [this.docId, Dexie.maxKey], true, true)
            .delete()
          purged = { seq: Math.max(upToSeq, this.position.seq), snapshotAt: at }
        })
        this.rowsSinceSnapshot = 0
        if (purged) {
          this.position = purged
          this.held = new Set()
        }
        return ok(undefined)
      } catch (e) {
        return storageError(e, 'delete for good')
      }
    })
  }

  /** Waits for every queued write, and for a compaction that is due. */
  async settle(): Promise<void> {
    await this.flush()
    this.compaction.cancel()
    await this.queue(() => this.compactIfDue())
  }

  destroy(): void {
    this.destroyed = true
    if (this.autoFlush !== null) clearTimeout(this.autoFlush)
    this.compaction.cancel()
    this.doc.destroy()
  }
}

/** What one document has taken out of its pending list for a write: the raw updates and the merged write. */
interface Pending {
  updates: Uint8Array[]
  write: DocWrite
}

/** One stored part of a document: the snapshot or one update row. */
interface StoredPart {
  origin: 'snapshots' | 'updates'
  recordId: string
  row: object
  bytes: unknown
}

/**
 * Rebuilds a document from its snapshot and update log. The fast path applies everything in one
 * transaction; if that fails, each part is replayed alone so one corrupt row costs only itself and is reported.
 */
function replay(
  docId: string,
  snapshot: SnapshotRow | undefined,
  rows: UpdateRow[],
): { doc: Y.Doc; unreadable: Unreadable[] } {
  const parts: StoredPart[] = [
    ...(snapshot
      ? [{ origin: 'snapshots' as const, recordId: docId, row: snapshot, bytes: snapshot.state }]
      : []),
    ...rows.map((r) => ({
      origin: 'updates' as const,
      recordId: String(r.seq),
      row: r,
      bytes: r.update,
    })),
  ]
  const good = parts.filter((p) => p.bytes instanceof Uint8Array)
  const unreadable: Unreadable[] = parts
    .filter((p) => !(p.bytes instanceof Uint8Array))
    .map((p) => ({
      ...pick(p),
      path: p.origin === 'snapshots' ? 'state' : 'update',
      reason: 'not a binary document update',
    }))
  const doc = new Y.Doc()
  try {
    // Applied one after another in one transaction: merging them first decoded and encoded every
    // item once more before the apply decoded it again (a 10k-item memory took 4-7x longer).
    doc.transact(() => {
      for (const part of good) Y.applyUpdate(doc, part.bytes as Uint8Array, LOAD_ORIGIN)
    }, LOAD_ORIGIN)
    return { doc, unreadable }
  } catch {
    doc.destroy()
  }
  const slow = new Y.Doc()
  for (const part of good) {
    try {
      Y.applyUpdate(slow, part.bytes as Uint8Array, LOAD_ORIGIN)
    } catch (e) {
      const reason = `not a valid document update: ${e instanceof Error ? e.message : String(e)}`
      unreadable.push({
        ...pick(part),
        path: part.origin === 'snapshots' ? 'state' : 'update',
        reason,
      })
    }
  }
  return { doc: slow, unreadable }
}

const pick = (p: StoredPart) => ({
  origin: p.origin,
  recordId: p.recordId,
  raw: describeRow(p.row, p.bytes),
})

/** A stored row with its bytes as base64, so an exported quarantine record keeps them. */
function describeRow(row: object, bytes: unknown): unknown {
  const out: Record<string, unknown> = { ...row }
  for (const [k, v] of Object.entries(out))
    if (v === bytes && v instanceof Uint8Array) out[k] = { base64: toBase64(v) }
  return out
}

/** Whether a transaction added items (its state vector moved). */
function moved(transaction: Y.Transaction): boolean {
  const { beforeState, afterState } = transaction
  if (afterState.size !== beforeState.size) return true
  for (const [client, clock] of afterState) if (beforeState.get(client) !== clock) return true
  return false
}
