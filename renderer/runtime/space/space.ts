import { Dexie } from 'dexie'
import * as Y from 'yjs'
import { err, ok, type Result } from '../../../shared/errors'
import { newId } from '../../../shared/ids'
import {
  CURRENT_SCHEMA_VERSION,
  DocMeta,
  type ConversationEntry,
  type MemoryItem,
  type Message,
} from '../../../shared/schema/current'
import {
  SPACE_DOC_ID,
  checkForWrite,
  claimConversationMeta,
  claimSpaceMeta,
  conversationDocId,
  conversationsMap,
  segmentDocId,
  docSchemaVersion,
  isPurged,
  markPurged,
  messagesOf,
  metaMap,
  purgedIds,
  purgedKey,
  metaText,
  putMemoryItem,
  parseDocId,
  readRecord,
  unreadableMeta,
  type Unreadable,
} from '../../../shared/docs'
import type { ConversationSummary, QuarantinedRecord } from '../../../shared/contract/models'
import type { Settings } from '../../../shared/contract/settings'
import {
  type KvTable,
  type MessageRow,
  type QuarantineRow,
  type SpaceDb,
  type TurnRow,
} from '../db/space-db'
import { storageError } from '../db/storage-error'
import { PersistedDoc } from '../docs/persisted-doc'
import { IDLE_MS, IdleTask } from '../docs/idle-task'
import {
  foldSmallPages,
  locateMessage,
  messageCount,
  messageCounts,
  readMessages,
  recentMessages,
  hasStoredMessages,
} from '../docs/message-store'
import { projectMemory, projectMessages } from '../docs/projectors'
import { readMemory, readMemoryEntries, readMemoryIds, type MemoryRead } from '../memory/memory-doc'
import { historyOf } from '../memory/memory-ops'
import { concurrentEditRepairs, versionsOf } from '../memory/concurrent-edits'
import {
  exportQuarantined,
  listQuarantined,
  quarantine,
  quarantinedRow,
} from '../memory/quarantine'
import { readConversation, readConversationEntries, readConversations } from './conversation-list'
import { forgetConversation, forgetMessages } from './forget-stored'
import { serialQueue, type SerialQueue } from '../../../shared/serial-queue'
import {
  commitUpdates,
  type CommitExtras,
  type DeletedMessage,
  type DocWrite,
} from '../docs/commit-updates'
import { readDocState } from '../docs/doc-state'
import { commitSealed, sealedMarks } from '../docs/commit-sealed'
import { checkSealed } from '../docs/check-sealed'
import { foldWithPages } from '../docs/fold-sealed'
import { encodeSealedPages, readSealedPages } from '../docs/sealed-pages'
import { readWholeConversation } from '../docs/sealed-source'
import { allStoredSegments, storedSegments } from '../docs/stored-segments'
import { storedPosition } from '../docs/stored-rows'
import { SEGMENT_SIZE, mayWriteSegments, othersReadSegments } from '../docs/segment-writes'
import { claimSegment, isSealedSegment, sealSegment } from '../docs/segment-meta'
import {
  messageRowCount,
  messageRowsAfter,
  recentlyWritten,
  type RowCursor,
  type RowsAfter,
} from '../docs/message-rows-after'
import { loadSettings } from '../settings-store'
import { viewMemory, type ViewMemory } from '../docs/view-memory'
import { memoryPacker } from '../docs/memory-packer'
import type { OrderedMemory } from '../memory/state-source'
import { loadSavedIndex, saveIndex, type SavedIndex } from '../docs/saved-index'
import {
  SPACE_VIEW_KEYS,
  readSpaceView,
  readViewMemory,
  sameView,
  saveSpaceView,
  viewDifferences,
  type SpaceView,
  type StoredViewMemory,
} from '../docs/space-view'
import type { SearchIndex } from '../../../retrieval'
import { appendAll } from '../../../shared/append-all'

/** A stored view's memory row, as read, and its records read lazily. */
interface ViewMemoryRead {
  stored: StoredViewMemory
  memory: ViewMemory
}

/** How a space is opened. */
export interface SpaceOptions {
  /** How many messages a segment holds before the next starts (`SEGMENT_SIZE`; tests use a few). */
  segmentSize?: number
}

/** The most messages one `messagesAppended` call carries. */
export const APPENDED_EVENT_MAX = 500

/**
 * What changed, so the runtime can tell every window. Fired for local, synced and imported changes
 * alike, and only from what a document committed (`PersistedDoc.onCommit`): never before the change
 * is on disk.
 */
export interface SpaceListener {
  /** Memory items set or removed by one commit (empty: only the quarantine count moved). */
  memoryChanged(ids: string[]): void
  /** Once per commit that changed the conversation list. */
  conversationsChanged(): void
  /** Messages one commit stored, each validated once here; unreadable ones are quarantined instead. */
  messagesAppended(conversationId: string, messages: Message[]): void
  /**
   * Messages deleted for good (here or by sync), once the documents and tables no longer hold them.
   * What it returns (the search index rebuilt without them) is waited for before the deletion is
   * reported done.
   */
  messagesRemoved(conversationId: string, ids: string[]): Promise<void> | void
  /** The space's name changed (renamed here or on another device), once it is durable. */
  nameChanged(name: string): void
  storageFailed(message: string): void
}

/**
 * One memory space: its structured-state document, its conversation documents (opened lazily, so
 * restore reads only the state and the recent window), and the read models beside them.
 */
export class Space {
  private conversationDocs = new Map<string, Promise<Result<PersistedDoc>>>()
  /** Segment documents (`segmentDocId`), by document id, opened on first use and kept. */
  private segmentDocs = new Map<string, Promise<Result<PersistedDoc>>>()
  /** Per conversation, the number of its newest segment as far as this device knows (null: none). */
  private newestSegments = new Map<string, number | null>()
  /** Per conversation, appends choose their document one at a time (a segment may be sealed). */
  private appending = new Map<string, SerialQueue>()
  /** Whether this device may write segments (`mayWriteSegments`), once read. */
  private segmentWrites: boolean | null = null
  /**
   * Per conversation, the fold of the small pages its appends left (`foldSmallPages`): a write of
   * its own once that conversation's writes pause, never inside an append.
   */
  private folds = new Map<string, IdleTask>()
  /** Messages and conversation entries seen so far that a newer Keepsake wrote, by origin and id. */
  private futureRecords = new Set<string>()
  /**
   * Messages this runtime checked before writing, by the record object Yjs stores (a local insert
   * keeps the object itself), so announcing them after the commit does not validate them again.
   */
  private checkedMessages = new WeakMap<object, Message>()
  /** Deletions for good are cleaned up one at a time, in order; waiting on it waits for them all. */
  private readonly cleanup = serialQueue()
  /** Documents (by id) being stored from a sealed sync item: opening one waits for its store. */
  private sealing = new Map<string, Promise<unknown>>()
  /** The check of sealed conversations' pages against their state, once the device is idle. */
  private readonly sealedChecks = new IdleTask(() => this.checkSealedPages(), SEALED_CHECK_IDLE_MS)
  /** Who hears of each conversation document opened (sync listens to what can change). */
  private openedListeners = new Set<(conversationId: string, doc: Y.Doc, docId: string) => void>()

  /** The space document once it is loaded (see `restore`); null until then. */
  private loaded: PersistedDoc | null = null
  /** Resolves when the space document is loaded and watched (at once for `open`). */
  private stateLoad: Promise<Result<PersistedDoc>>
  /** Starts loading the space document behind its view, once (see `restore`); nothing for `open`. */
  private loadBehind: () => void = () => undefined
  /** Whether loading the space document has started (at once for `open`). */
  private loadStarted = true
  private loadTimer: ReturnType<typeof setTimeout> | null = null
  /** The stored view the space was restored from, read until the document is loaded. */
  private view: SpaceView | null
  /**
   * Reads the view's memory row (once; see `restore`); null once the document is loaded, and for a
   * space opened from its document.
   */
  private viewMem: (() => Promise<ViewMemoryRead | null>) | null
  /** The view's memory row once read, while the space still runs on its view. */
  private viewMemRead: ViewMemoryRead | null = null
  /** The stored view is saved again this long after the last change to the space document. */
  private viewTimer: ReturnType<typeof setTimeout> | null = null
  /** Whether the stored view lags the document (a change since it was saved, or none saved yet). */
  private viewDue = false
  /** The save of the stored view under way, if any; saves run one at a time. */
  private viewSaving: Promise<void> = Promise.resolve()
  /** Indexes memory for each saved view, tokenizing only what changed since the last save. */
  private readonly packer = memoryPacker()
  private closed = false

  private constructor(
    readonly db: SpaceDb,
    readonly id: string,
    readonly readOnly: { schemaVersion: number } | null,
    private readonly listener: SpaceListener,
    from:
      | { state: PersistedDoc }
      | {
          view: SpaceView
          load: () => Promise<Result<PersistedDoc>>
          memory: () => Promise<Result<StoredViewMemory>>
        },
    private readonly options: SpaceOptions,
  ) {
    if ('state' in from) {
      this.view = null
      this.viewMem = null
      this.attach(from.state)
      this.stateLoad = Promise.resolve(ok(from.state))
    } else {
      this.view = from.view
      let memoryRead: Promise<ViewMemoryRead | null> | null = null
      this.viewMem = () => {
        memoryRead ??= from.memory().then(
          (r) => {
            if (!r.ok) {
              // Derived data: memory is read from the document instead.
              console.error(r.error.message)
              return null
            }
            const read = { stored: r.value, memory: viewMemory(r.value) }
            if (this.view) this.viewMemRead = read
            return read
          },
          (e: unknown) => {
            console.error("could not read the stored space view's memory", e)
            return null
          },
        )
        return memoryRead
      }
      this.loadStarted = false
      this.stateLoad = new Promise((resolve) => {
        this.loadBehind = () => {
          if (this.loadStarted) return
          this.loadStarted = true
          if (this.loadTimer !== null) clearTimeout(this.loadTimer)
          this.loadTimer = null
          void from.load().then((r) => {
            if (r.ok) this.attach(r.value)
            else listener.storageFailed(r.error.message)
            resolve(r)
          })
        }
      })
      this.loadTimer = setTimeout(() => this.loadBehind(), LOAD_BEHIND_MS)
    }
  }

  /**
   * Opens (or creates) the space. A space written by a newer Keepsake opens read-only and is never
   * rewritten. `name` is what a new space is called; null for one joined from another device, whose
   * name comes with its content.
   */
  static async open(
    db: SpaceDb,
    id: string,
    name: string | null,
    listener: SpaceListener,
    options: SpaceOptions = {},
  ): Promise<Result<Space>> {
    const opened = await PersistedDoc.open(db, SPACE_DOC_ID, projectMemory)
    if (!opened.ok) return opened
    const state = opened.value
    const badMeta = unreadableMeta(SPACE_DOC_ID, state.doc)
    // Shown before it is repaired below, so what was there is never lost.
    if (badMeta) await quarantine(db, [badMeta])
    const stored = docSchemaVersion(state.doc)
    const readOnly =
      typeof stored === 'number' && stored > CURRENT_SCHEMA_VERSION
        ? { schemaVersion: stored }
        : null
    if (!readOnly && stored !== CURRENT_SCHEMA_VERSION) {
      const created = await state.change((doc) =>
        claimSpaceMeta(doc, { id, name, now: new Date() }),
      )
      if (!created.ok) return created
    }
    const space = new Space(db, id, readOnly, listener, { state }, options)
    // The next start reads the stored view instead of decoding the document.
    space.viewChanged()
    return ok(space)
  }

  /**
   * Opens the space for a start: from the stored view of its document (`docs/space-view.ts`) when
   * that view was taken at the document's current stored position, with the document itself loaded
   * behind it when something needs it or LOAD_BEHIND_MS after the start, whichever is first (a
   * first prompt needs only the view); otherwise as `open` does. Until the document is loaded, memory,
   * the conversation list and the name are read from the view, and every change waits for the
   * document. The start reads only the view's name and list; its memory row (records, order and
   * search index; several MB with 10,000 items) is read once, when something first asks for memory.
   * Once loaded, the document is checked against the view; if they differ (a change the view could
   * not know of), the windows are told what changed, as for any change.
   */
  static async restore(
    db: SpaceDb,
    id: string,
    name: string | null,
    listener: SpaceListener,
    options: SpaceOptions = {},
  ): Promise<Result<Space>> {
    let view: SpaceView | null = null
    try {
      view = (await readSpaceView(db)).view
    } catch (e) {
      // The view is derived data; the document is the truth, and is read instead.
      console.error('could not read the stored space view', e)
    }
    if (!view || !currentMeta(view.meta)) return Space.open(db, id, name, listener, options)
    const space = new Space(
      db,
      id,
      null,
      listener,
      {
        view,
        // In a task after the one that asked, at normal priority: a change waits for the document,
        // so it must not queue behind background work (the search index's load).
        load: async () => {
          await new Promise((resolve) => setTimeout(resolve, 0))
          return PersistedDoc.open(db, SPACE_DOC_ID, projectMemory)
        },
        memory: () => readViewMemory(db, view),
      },
      options,
    )
    return ok(space)
  }

  /** Takes the loaded space document into use: its commits are watched, and the view checked against it. */
  private attach(state: PersistedDoc): void {
    const listener = this.listener
    const view = this.view
    // Memory shown from the view, if any was: compared with the document below.
    const viewMem = this.viewMemRead?.stored ?? null
    let named = view ? nameIn(view.meta) : (metaText(state.doc, 'name') ?? DEFAULT_NAME)
    this.loaded = state
    this.view = null
    this.viewMem = null
    this.viewMemRead = null
    state.onCommit(({ changes }) => {
      this.viewChanged()
      if (this.name !== named) {
        named = this.name
        listener.nameChanged(named)
      }
      // Settled before anyone hears of the change, so no reader sees two current versions.
      if (changes.memoryPut.length > 0) this.settleConcurrentEdits()
      const ids = new Set([...changes.memoryPut.map((r) => r.id), ...changes.memoryDelete])
      if (ids.size > 0) listener.memoryChanged([...ids])
      if (changes.conversations.length > 0) listener.conversationsChanged()
      // A conversation another device deleted for good is deleted here too.
      for (const conversationId of changes.conversations)
        if (isPurged(state.doc, conversationId)) void this.purgeLocally(conversationId)
    })
    if (view && !sameView(view, viewMem, state.doc)) {
      // What was shown came from a view the document does not match: whatever differs is told
      // as changed, so every window reads it again from the document.
      const differs = viewDifferences(view, viewMem, state.doc)
      this.viewChanged()
      if (differs.memory.length > 0) listener.memoryChanged(differs.memory)
      if (differs.conversations) listener.conversationsChanged()
      if (this.name !== named) {
        named = this.name
        listener.nameChanged(named)
      }
    }
    // A deletion that a crash or a closed window interrupted is finished now.
    void this.finishPurges()
    // Pages of a sealed sync item that the app closed before checking are checked once idle.
    if (!this.readOnly)
      void sealedMarks(this.db)
        .then((marks) => {
          if (marks.length > 0 && !this.closed) this.sealedChecks.poke()
        })
        .catch((e: unknown) => console.error('could not read the sealed pages to check', e))
    state.onFlush((r) => {
      if (!r.ok) listener.storageFailed(r.error.message)
    })
    // A space stored by a build before this repair may still hold two current versions of an item.
    this.settleConcurrentEdits()
  }

  /** The space document, loaded (see `restore`); the error if it could not be. */
  loadedState(): Promise<Result<PersistedDoc>> {
    this.loadBehind()
    return this.stateLoad
  }

  /** The loaded space document; only for code that has waited for `loadedState` (tests, benches). */
  get state(): PersistedDoc {
    if (!this.loaded) throw new Error('the space document is still loading: wait for loadedState()')
    return this.loaded
  }

  /** Notes that the stored view lags the document and saves it again once changes pause. */
  private viewChanged(): void {
    if (this.readOnly || this.closed) return
    this.viewDue = true
    if (this.viewTimer !== null) clearTimeout(this.viewTimer)
    this.viewTimer = setTimeout(() => void this.saveView(), VIEW_SAVE_IDLE_MS)
  }

  /** Saves the stored view of the space document now, if it lags (after a save already under way). */
  private saveView(): Promise<void> {
    if (this.viewTimer !== null) clearTimeout(this.viewTimer)
    this.viewTimer = null
    this.viewSaving = this.viewSaving.then(() => this.saveViewNow())
    return this.viewSaving
  }

  private async saveViewNow(): Promise<void> {
    if (!this.viewDue || !this.loaded || this.closed) return
    this.viewDue = false
    try {
      if (!(await saveSpaceView(this.db, this.loaded, this.packer))) this.viewChanged()
    } catch (e) {
      // Derived data: without it the next start reads the document, as before it existed.
      if (!(e instanceof Dexie.DatabaseClosedError))
        console.error('could not save the space view', e)
    }
  }

  get name(): string {
    if (this.view) return nameIn(this.view.meta)
    return metaText(this.state.doc, 'name') ?? DEFAULT_NAME
  }

  /** Renames the space: its document's meta holds the name, so exports carry it and sync shares it. */
  async rename(name: string): Promise<Result<void>> {
    if (this.readOnly) return this.readOnlyError()
    const state = await this.loadedState()
    if (!state.ok) return state
    return state.value.change((doc) => metaMap(doc).set('name', name))
  }

  /** Current memory, migrated to this version. Unreadable records go to quarantine (once) and are counted. */
  async memory(): Promise<MemoryRead> {
    const entries = await this.viewEntries()
    const read = entries ? readMemoryEntries(entries) : readMemory(this.state.doc)
    await this.report(read.unreadable)
    return read
  }

  /**
   * The view's memory row, read when first asked for (see `restore`), while the space runs on its
   * view; null once the document is loaded, or when the row cannot be read (said on the console):
   * the caller reads the document then.
   */
  private async viewMemoryRead(): Promise<ViewMemoryRead | null> {
    const read = this.viewMem ? await this.viewMem() : null
    // The document may have loaded meanwhile: from then on it is read, not the view.
    return this.view ? read : null
  }

  /**
   * The memory entries of the view the space was restored from, parsed the first time they are
   * asked for (not on the way to state ready); null once the document is loaded, and when the view's
   * memory cannot be read, after loading the document behind it.
   */
  private async viewEntries(): Promise<[string, unknown][] | null> {
    const entries = (await this.viewMemoryRead())?.memory.entries()
    if (entries && !entries.ok) console.error(entries.error.message)
    if (entries?.ok) return entries.value
    await this.loadedState()
    return null
  }

  /**
   * While the space runs on its stored view: the open memory items in the state section's order,
   * each item read and checked only when it is asked for, so a first prompt reads the items its
   * state section lists and not all of memory. Null once the document is loaded, or when the view's
   * order cannot be read: then read `memory()`.
   */
  async openMemoryInOrder(): Promise<OrderedMemory | null> {
    const mem = (await this.viewMemoryRead())?.memory
    if (!mem) return null
    const order = mem.order()
    if (!order.ok) {
      console.error(order.error.message)
      return null
    }
    return {
      order: order.value,
      item: (id) => {
        const raw = mem.record(id)
        if (raw === undefined) return null
        if (!raw.ok) {
          console.error(raw.error.message)
          return null
        }
        const read = readMemoryEntries([[id, raw.value]])
        // Shown in the quarantine list like any unreadable record (once).
        if (read.unreadable.length > 0) void this.report(read.unreadable)
        return read.items[0] ?? null
      },
    }
  }

  /**
   * The search index of memory stored with the view the space was restored from, as stored (the
   * caller checks it: `loadMemoryPack`); undefined once the document is loaded, or when the view
   * has none. It indexes exactly the view's memory: both are one row, used only at its position.
   */
  async viewMemoryIndex(): Promise<unknown> {
    return (await this.viewMemoryRead())?.stored.search
  }

  /**
   * Leaves one current version of each item after devices edited it apart (`concurrentEditRepairs`).
   * The repair is applied to the document at once and stored behind the commit that brought the
   * conflict; its own commit tells the windows what changed.
   */
  settleConcurrentEdits(): void {
    if (this.readOnly || !this.loaded) return
    const repairs = concurrentEditRepairs(readMemory(this.loaded.doc).items)
    if (repairs.length === 0) return
    void this.loaded.change((doc) => {
      for (const item of repairs) putMemoryItem(doc, item)
    })
  }

  /** The current memory items among `ids` (removed, future and unreadable ones are left out). */
  async memoryItems(ids: readonly string[]): Promise<MemoryItem[]> {
    const mem = (await this.viewMemoryRead())?.memory
    if (mem) {
      const entries: [string, unknown][] = []
      for (const id of new Set(ids)) {
        const raw = mem.record(id)
        if (raw === undefined) continue
        if (!raw.ok) {
          console.error(raw.error.message)
          return this.memoryItemsOfDocument(ids)
        }
        entries.push([id, raw.value])
      }
      return readMemoryEntries(entries).items
    }
    return this.memoryItemsOfDocument(ids)
  }

  /**
   * `memoryItems` from the loaded space document, for a caller told of a change to it (the
   * listener's `memoryChanged` is only ever told once the document is loaded).
   */
  loadedMemoryItems(ids: readonly string[]): MemoryItem[] {
    return readMemoryIds(this.state.doc, ids).items
  }

  /** `memoryItems` read from the space document, once it has loaded. */
  private async memoryItemsOfDocument(ids: readonly string[]): Promise<MemoryItem[]> {
    await this.loadedState()
    return this.loadedMemoryItems(ids)
  }

  /** Applies a memory change; resolves once it is durable (strict). */
  async changeMemory(
    fn: (doc: PersistedDoc['doc']) => Result<MemoryItem>,
  ): Promise<Result<MemoryItem>> {
    if (this.readOnly) return this.readOnlyError()
    const state = await this.loadedState()
    if (!state.ok) return state
    let result: Result<MemoryItem> = err('internal', 'no change made')
    const saved = await state.value.change((doc) => {
      result = fn(doc)
    })
    if (!saved.ok) return saved
    return result
  }

  readOnlyError(): Result<never> {
    return err(
      'read-only',
      `This memory was saved by a newer version of Keepsake (schema v${this.readOnly?.schemaVersion}). It is open read-only so nothing is lost; update Keepsake to change it.`,
    )
  }

  async conversationEntries(): Promise<ConversationEntry[]> {
    const view = this.view
    const read = view
      ? readConversationEntries(zip(view.conversationIds, view.conversations))
      : readConversations(this.state.doc)
    for (const id of read.future) this.futureRecords.add(`conversations/${id}`)
    await this.report(read.unreadable)
    // An entry that a concurrent edit set again after a deletion for good stays gone.
    return read.entries.filter((e) => !this.isPurged(e.id))
  }

  /** Whether the conversation was deleted for good, here or on another device. */
  isPurged(conversationId: string): boolean {
    if (this.view) return Object.hasOwn(this.view.meta, purgedKey(conversationId))
    return isPurged(this.state.doc, conversationId)
  }

  /**
   * Deletes a conversation for good: its entry goes, a tombstone in the space document tells every
   * other device to do the same, and its messages, their rows, the context of its replies and its
   * search entries are removed from storage, the documents rewritten without the deleted content.
   * Resolves once nothing stored here holds it.
   */
  async deleteConversation(conversationId: string): Promise<Result<void>> {
    if (this.readOnly) return this.readOnlyError()
    const loaded = await this.loadedState()
    if (!loaded.ok) return loaded
    if (!this.hasConversationEntry(conversationId) && !this.isPurged(conversationId))
      return err('not-found', 'That conversation no longer exists.')
    const at = new Date().toISOString()
    const saved = await this.state.change((doc) => {
      markPurged(doc, conversationId, at)
      conversationsMap(doc).delete(conversationId)
    })
    if (!saved.ok) return saved
    const purged = await this.purgeLocally(conversationId)
    if (!purged.ok) return purged
    // Its messages' deletion queued their own cleanup behind this one; done means that too.
    return this.cleanup(async () => ok(undefined))
  }

  /**
   * Deletes one message for good: it leaves the conversation's document (the deletion syncs), and
   * its rows, its reply's recorded context and its search entry go. Resolves once nothing stored
   * here holds it.
   */
  async deleteMessage(conversationId: string, messageId: string): Promise<Result<void>> {
    if (this.readOnly) return this.readOnlyError()
    // Newest documents first, each opened only when the ones after it did not hold it: a message
    // deleted is most often a recent one, and a long conversation's own document is the biggest.
    const segments = await this.segments(conversationId)
    const openers = [
      ...segments.reverse().map((n) => () => this.segment(conversationId, n)),
      () => this.conversation(conversationId),
    ]
    for (const open of openers) {
      const opened = await open()
      if (!opened.ok) return opened
      const messages = messagesOf(opened.value.doc)
      const index = messages.toArray().findIndex((m) => recordIdOf(m) === messageId)
      if (index < 0) continue
      const saved = await opened.value.change(() => messages.delete(index, 1))
      if (!saved.ok) return saved
      // The commit queued the cleanup (see watchMessages); this waits for it.
      return this.cleanup(async () => ok(undefined))
    }
    return err('not-found', 'That message is no longer in this conversation.')
  }

  /**
   * Rewrites the space document's storage without the content it replaced (an old title that quoted a
   * message deleted for good): one garbage-collected snapshot in place of its update log.
   */
  async forgetOldEntries(): Promise<Result<void>> {
    const state = await this.loadedState()
    if (!state.ok) return state
    const purged = await state.value.purge()
    return purged.ok ? this.forgetView() : purged
  }

  /**
   * Deletes the stored view (it may quote what was just deleted for good); it is saved again from
   * the document once changes pause.
   */
  private async forgetView(): Promise<Result<void>> {
    try {
      await this.db.caches.bulkDelete(SPACE_VIEW_KEYS)
    } catch (e) {
      return storageError(e, 'delete for good')
    }
    this.viewChanged()
    return ok(undefined)
  }

  /** Removes what this device still stores of a conversation deleted for good. */
  purgeLocally(conversationId: string): Promise<Result<void>> {
    return this.cleanup(async () => {
      const loaded = await this.loadedState()
      if (!loaded.ok) return loaded
      for (const opened of await this.conversationParts(conversationId)) {
        if (!opened.ok) return opened
        const messages = messagesOf(opened.value.doc)
        if (!this.readOnly && messages.length > 0) {
          const cleared = await opened.value.change(() => messages.delete(0, messages.length))
          if (!cleared.ok) return cleared
        }
        const purged = await opened.value.purge()
        if (!purged.ok) return purged
      }
      if (!this.readOnly && conversationsMap(this.state.doc).has(conversationId)) {
        const removed = await this.state.change((doc) =>
          conversationsMap(doc).delete(conversationId),
        )
        if (!removed.ok) return removed
      }
      const state = await this.state.purge()
      if (!state.ok) return state
      const view = await this.forgetView()
      if (!view.ok) return view
      this.newestSegments.delete(conversationId)
      try {
        await forgetConversation(this.db, conversationId)
      } catch (e) {
        return storageError(e, 'delete the conversation for good')
      }
      return ok(undefined)
    })
  }

  /**
   * A document's stored position as text (the seq of its last update row and the time of its
   * snapshot): it moves whenever anything of the document is stored. Null when nothing is.
   */
  async storedPositionOf(docId: string): Promise<string | null> {
    const { seq, snapshotAt } = await this.db.transaction(
      'r',
      [this.db.snapshots, this.db.updates],
      () => storedPosition(this.db, docId),
    )
    return seq === 0 && snapshotAt === null ? null : `${seq}|${snapshotAt ?? ''}`
  }

  /** Whether a conversation's document or segment is open (being opened) here. */
  isDocOpen(docId: string): boolean {
    const parsed = parseDocId(docId)
    if (parsed?.kind === 'conversation') return this.conversationDocs.has(parsed.conversationId)
    if (parsed?.kind === 'segment') return this.segmentDocs.has(docId)
    return parsed?.kind === 'space' && this.loaded !== null
  }

  /** How many update rows (not compacted into its snapshot) a document has stored. */
  private storedRowCount(docId: string): Promise<number> {
    return this.db.updates
      .where('[docId+seq]')
      .between([docId, Dexie.minKey], [docId, Dexie.maxKey])
      .count()
  }

  /** Finishes deletions for good that storage still shows traces of (the app closed mid-way). */
  async finishPurges(): Promise<void> {
    for (const conversationId of purgedIds(this.state.doc)) {
      const docId = conversationDocId(conversationId)
      const [rows, messages, segments] = await Promise.all([
        this.storedRowCount(docId),
        hasStoredMessages(this.db, conversationId),
        this.segments(conversationId),
      ])
      // A purged segment keeps only its emptied snapshot; any update row beside it is news.
      const segmentRows = await Promise.all(
        segments.map((n) => this.storedRowCount(segmentDocId(conversationId, n))),
      )
      if (
        rows > 0 ||
        messages ||
        segmentRows.some((count) => count > 0) ||
        conversationsMap(this.state.doc).has(conversationId)
      )
        await this.purgeLocally(conversationId)
    }
  }

  async summaries(): Promise<ConversationSummary[]> {
    const entries = await this.conversationEntries()
    const counts = await messageCounts(
      this.db,
      entries.map((e) => e.id),
    )
    return entries
      .map((e, i) => ({
        id: e.id,
        title: e.title,
        createdAt: e.createdAt,
        updatedAt: e.updatedAt,
        deletedAt: e.deletedAt,
        pinnedAt: e.pinnedAt ?? null,
        messageCount: counts[i] ?? 0,
      }))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  }

  async createConversation(title: string, now: Date): Promise<Result<ConversationEntry>> {
    if (this.readOnly) return this.readOnlyError()
    const loaded = await this.loadedState()
    if (!loaded.ok) return loaded
    const at = now.toISOString()
    const entry: ConversationEntry = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: newId(),
      title,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    }
    const checked = checkForWrite('conversations', entry)
    if (!checked.ok) return checked
    const saved = await this.state.change((doc) => conversationsMap(doc).set(entry.id, entry))
    return saved.ok ? ok(entry) : saved
  }

  /** Updates a conversation's entry (title, trash state, last activity). */
  async updateConversation(
    id: string,
    patch: Partial<ConversationEntry>,
  ): Promise<Result<ConversationEntry>> {
    if (this.readOnly) return this.readOnlyError()
    const next = await this.nextEntry(id, patch)
    if (!next.ok) return next
    const saved = await this.state.change((doc) => conversationsMap(doc).set(id, next.value))
    return saved.ok ? next : saved
  }

  /** A conversation's entry with `patch` applied, checked for writing; not yet written. */
  private async nextEntry(
    id: string,
    patch: Partial<ConversationEntry>,
  ): Promise<Result<ConversationEntry>> {
    const loaded = await this.loadedState()
    if (!loaded.ok) return loaded
    const read = readConversation(this.state.doc, id)
    if (read.type === 'future') this.futureRecords.add(`conversations/${id}`)
    if (read.type === 'unreadable') await this.report([read.record])
    if (read.type !== 'current') return err('not-found', 'That conversation no longer exists.')
    const next = { ...read.value, ...patch, id, schemaVersion: CURRENT_SCHEMA_VERSION }
    // Nothing is written that would be quarantined when read back.
    return checkForWrite('conversations', next)
  }

  /** The conversation's document, opened on first use and kept. */
  conversation(id: string): Promise<Result<PersistedDoc>> {
    let opening = this.conversationDocs.get(id)
    if (!opening) {
      // A conversation being stored whole from sync opens once it is stored, so it holds it.
      const stored = this.sealing.get(conversationDocId(id)) ?? Promise.resolve()
      opening = stored
        .then(() => PersistedDoc.open(this.db, conversationDocId(id), projectMessages(id)))
        .then(async (r) => {
          if (!r.ok) {
            this.conversationDocs.delete(id)
            return r
          }
          const bad = unreadableMeta(conversationDocId(id), r.value.doc)
          if (bad) await this.report([bad])
          this.watchMessages(id, r.value)
          for (const listener of this.openedListeners)
            listener(id, r.value.doc, conversationDocId(id))
          return r
        })
      this.conversationDocs.set(id, opening)
    }
    return opening
  }

  /**
   * Segment `n` of a conversation (README, Architecture, "Segments"): a document of its own holding a
   * bounded run of the conversation's messages, projected into the same pages as the conversation's
   * own document. Opened on first use and kept; opening it never opens the conversation's own
   * document or its other segments.
   */
  segment(conversationId: string, n: number): Promise<Result<PersistedDoc>> {
    const docId = segmentDocId(conversationId, n)
    let opening = this.segmentDocs.get(docId)
    if (!opening) {
      // A segment being stored whole from sync opens once it is stored, so it holds it.
      const stored = this.sealing.get(docId) ?? Promise.resolve()
      opening = stored.then(async () => {
        const r = await PersistedDoc.open(this.db, docId, projectMessages(conversationId))
        if (!r.ok) {
          this.segmentDocs.delete(docId)
          return r
        }
        const bad = unreadableMeta(docId, r.value.doc)
        if (bad) await this.report([bad])
        // A segment that arrived by sync can be newer than the newest this device wrote.
        const newest = this.newestSegments.get(conversationId)
        if (newest !== undefined && (newest === null || n > newest))
          this.newestSegments.set(conversationId, n)
        this.watchMessages(conversationId, r.value)
        for (const listener of this.openedListeners) listener(conversationId, r.value.doc, docId)
        return r
      })
      this.segmentDocs.set(docId, opening)
    }
    return opening
  }

  /** The segment numbers of a conversation this device stores or has open, in order. */
  async segments(conversationId: string): Promise<number[]> {
    const stored = await storedSegments(this.db, conversationId)
    return this.withOpenSegments(new Map([[conversationId, stored]])).get(conversationId) ?? []
  }

  /** `segments` of every conversation that has any, by conversation id: one read for the space. */
  async allSegments(): Promise<Map<string, number[]>> {
    return this.withOpenSegments(await allStoredSegments(this.db))
  }

  /**
   * `stored` (segment numbers by conversation) with the segments open here added: a segment just
   * started may not be stored yet.
   */
  private withOpenSegments(stored: Map<string, number[]>): Map<string, number[]> {
    const found = new Map([...stored].map(([id, ns]) => [id, new Set(ns)]))
    for (const docId of this.segmentDocs.keys()) {
      const parsed = parseDocId(docId)
      if (parsed?.kind !== 'segment') continue
      const numbers = found.get(parsed.conversationId) ?? new Set<number>()
      numbers.add(parsed.n)
      found.set(parsed.conversationId, numbers)
    }
    return new Map([...found].map(([id, ns]) => [id, [...ns].sort((a, b) => a - b)]))
  }

  /** The ids of the messages a conversation's segments hold (opening each segment). */
  async segmentMessageIds(conversationId: string): Promise<Result<Set<string>>> {
    const ids = new Set<string>()
    for (const n of await this.segments(conversationId)) {
      const opened = await this.segment(conversationId, n)
      if (!opened.ok) return opened
      for (const m of messagesOf(opened.value.doc).toArray()) {
        const id = recordIdOf(m)
        if (id !== null) ids.add(id)
      }
    }
    return ok(ids)
  }

  /**
   * Every document of a conversation this device stores or has open: its own, then its segments in
   * order (the order their messages were written in).
   */
  private async conversationParts(conversationId: string): Promise<Result<PersistedDoc>[]> {
    const segments = await this.segments(conversationId)
    return Promise.all([
      this.conversation(conversationId),
      ...segments.map((n) => this.segment(conversationId, n)),
    ])
  }

  /**
   * Appends messages to a conversation; resolves once they are durable. The conversation's entry
   * gets `updatedAt` (and `entry`, e.g. a title) in the same transaction, so an append is one flush
   * to disk; an entry that cannot be updated (gone, unreadable) leaves the messages stored alone.
   * A long conversation's messages go to its newest segment (`appendTarget`); the append that
   * fills one seals it and starts the next in that same transaction.
   */
  async append(
    conversationId: string,
    messages: Message[],
    entry: Partial<Pick<ConversationEntry, 'title'>> = {},
  ): Promise<Result<void>> {
    if (this.readOnly) return this.readOnlyError()
    for (const m of messages) {
      const checked = checkForWrite(conversationDocId(conversationId), m)
      if (!checked.ok) return checked
      this.checkedMessages.set(m, checked.value)
    }
    let queue = this.appending.get(conversationId)
    if (!queue) {
      queue = serialQueue()
      this.appending.set(conversationId, queue)
    }
    // The document is chosen and changed one append at a time; the writes themselves overlap.
    const written = await queue(async () => {
      const r = await this.appendChange(conversationId, messages, entry)
      return r.ok ? ok({ stored: r.value }) : r
    })
    return written.ok ? written.value.stored : written
  }

  /**
   * Changes the documents an append writes (Yjs transactions, at once) and returns the promise of
   * their one strict write.
   */
  private async appendChange(
    conversationId: string,
    messages: Message[],
    entry: Partial<Pick<ConversationEntry, 'title'>>,
  ): Promise<Result<Promise<Result<void>>>> {
    const target = await this.appendTarget(conversationId)
    if (!target.ok) return target
    const { doc: opened, n, seal } = target.value
    const last = messages.at(-1)
    const next = last
      ? await this.nextEntry(conversationId, { ...entry, updatedAt: last.createdAt })
      : null
    // Read after the last await, so no other change can claim the document in between.
    const version = docSchemaVersion(opened.doc)
    if (version !== null && version > CURRENT_SCHEMA_VERSION) {
      return err(
        'read-only',
        `This conversation was saved by a newer version of Keepsake (schema v${version}). It is kept unchanged; update Keepsake to add to it.`,
      )
    }
    const push = (doc: Y.Doc): void => {
      // The document says which schema wrote it (and which segment it is), from its first write on.
      if (version !== CURRENT_SCHEMA_VERSION) {
        claimConversationMeta(
          doc,
          conversationId,
          messages[0]?.createdAt ?? new Date().toISOString(),
        )
        if (n !== null) claimSegment(doc, n)
      }
      messagesOf(doc).push(messages)
    }
    const changes: [PersistedDoc, (doc: Y.Doc) => void][] = [[opened, push]]
    if (seal) changes.unshift([seal, sealSegment])
    if (next?.ok)
      changes.push([this.state, (doc) => conversationsMap(doc).set(conversationId, next.value)])
    const stored = PersistedDoc.changeAll(changes)
    if (n !== null) this.newestSegments.set(conversationId, n)
    return ok(stored)
  }

  /**
   * The document an append to `conversationId` writes to (README, Architecture, "Segments"). While
   * this device may not write segments (an older build syncs this space), or the conversation is
   * shorter than a segment and has none, its own document. Otherwise its newest segment; when that
   * one is sealed or full, the next (and `seal`: the full one, to be sealed in the same write). A
   * conversation's own document is never opened here once it has segments.
   */
  private async appendTarget(
    conversationId: string,
  ): Promise<Result<{ doc: PersistedDoc; n: number | null; seal: PersistedDoc | null }>> {
    const own = async (): Promise<
      Result<{ doc: PersistedDoc; n: number | null; seal: PersistedDoc | null }>
    > => {
      const opened = await this.conversation(conversationId)
      return opened.ok ? ok({ doc: opened.value, n: null, seal: null }) : opened
    }
    this.segmentWrites ??= await mayWriteSegments(this.db)
    if (!this.segmentWrites) return own()
    const size = this.options.segmentSize ?? SEGMENT_SIZE
    let newest = this.newestSegments.get(conversationId)
    if (newest === undefined) {
      newest = (await this.segments(conversationId)).at(-1) ?? null
      this.newestSegments.set(conversationId, newest)
    }
    if (newest === null) {
      // Without segments every message is in the conversation's own document; when it is open
      // (a conversation being written to is), its length is the count, with no read. Otherwise the
      // stored count, so a long conversation from before segments is never loaded to learn it.
      const open = await this.conversationDocs.get(conversationId)
      const count = open?.ok
        ? messagesOf(open.value.doc).length
        : await messageCount(this.db, conversationId)
      if (count < size) return open?.ok ? ok({ doc: open.value, n: null, seal: null }) : own()
      newest = 0
    }
    // Past every segment that is sealed or full (another device may have filled, sealed or started
    // some meanwhile); the last full one not yet sealed is sealed by this append.
    let seal: PersistedDoc | null = null
    for (;;) {
      const current = await this.segment(conversationId, newest)
      if (!current.ok) return current
      const sealed = isSealedSegment(current.value.doc)
      if (!sealed && messagesOf(current.value.doc).length < size)
        return ok({ doc: current.value, n: newest, seal })
      seal = sealed ? null : current.value
      newest += 1
    }
  }

  /**
   * What sync read of the other devices: whether every one of them reads segments. Stored, so it
   * holds while offline; appends write segments only while it is true (or the space is not paired).
   */
  async othersReadSegments(all: boolean): Promise<void> {
    try {
      await othersReadSegments(this.db, all)
    } catch (e) {
      console.error('could not store whether the other devices read segments', e)
    }
    this.segmentWrites = null
  }

  /**
   * Tells the space that its sync pairing was stored or forgotten: whether it may write segments
   * is read again (a newly paired space writes none until sync has heard every other device).
   */
  pairingChanged(): void {
    this.segmentWrites = null
  }

  /** How many messages a conversation has; a stored count, not a scan of its history. */
  async messageCount(conversationId: string): Promise<number> {
    return messageCount(this.db, conversationId)
  }

  /** Where a message is: its conversation and its index there (the `offset` to page to), or null if it is not on this device. */
  async locateMessage(
    messageId: string,
  ): Promise<{ conversationId: string; messageId: string; offset: number } | null> {
    const found = await locateMessage(this.db, messageId)
    return found ? { conversationId: found.conversationId, messageId, offset: found.offset } : null
  }

  /** A page of messages from the read model, oldest first. Unreadable rows are quarantined, not hidden silently. */
  async page(conversationId: string, offset: number, limit: number): Promise<Result<Message[]>> {
    try {
      const rows = await readMessages(this.db, conversationId, offset, limit)
      return ok(await this.readRows(conversationId, rows))
    } catch (e) {
      return storageError(e, 'read the conversation')
    }
  }

  /** The last `limit` messages of a conversation, oldest first, without reading the rest. */
  async recent(conversationId: string, limit: number): Promise<Result<Message[]>> {
    try {
      const rows = await recentMessages(this.db, conversationId, limit)
      return ok(await this.readRows(conversationId, rows))
    } catch (e) {
      return storageError(e, 'read the conversation')
    }
  }

  async findMessage(id: string): Promise<{ conversationId: string; message: Message } | null> {
    const found = await locateMessage(this.db, id)
    if (!found) return null
    const [message] = await this.readRows(found.conversationId, [found])
    return message ? { conversationId: found.conversationId, message } : null
  }

  private async readRows(
    conversationId: string,
    rows: { id: string; record: unknown }[],
  ): Promise<Message[]> {
    const { messages, bad } = this.classify(conversationId, rows)
    await this.report(bad)
    return messages
  }

  /** Validates each stored message record once: current ones are returned, the rest are set aside. */
  private classify(
    conversationId: string,
    rows: { id: string; record: unknown }[],
  ): { messages: Message[]; bad: Unreadable[] } {
    const messages: Message[] = []
    const bad: Unreadable[] = []
    const origin = conversationDocId(conversationId)
    for (const row of rows) {
      const checked =
        typeof row.record === 'object' && row.record !== null
          ? this.checkedMessages.get(row.record)
          : undefined
      if (checked) {
        messages.push(checked)
        continue
      }
      const read = readRecord(origin, row.id, row.record)
      if (read.type === 'current') messages.push(read.value)
      else if (read.type === 'future') this.futureRecords.add(`${conversationId}/${row.id}`)
      else bad.push(read.record)
    }
    return { messages, bad }
  }

  private watchMessages(conversationId: string, persisted: PersistedDoc): void {
    // One fold per conversation, whichever of its documents wrote: they share its pages.
    const fold =
      this.folds.get(conversationId) ?? new IdleTask(() => this.foldPages(conversationId), IDLE_MS)
    this.folds.set(conversationId, fold)
    persisted.onCommit(({ changes }) => {
      if (changes.messagesDeleted.length > 0)
        void this.afterDeletion(conversationId, persisted, changes.messagesDeleted)
      if (changes.messages.length === 0) return
      if (!this.closed) fold.poke()
      const { messages, bad } = this.classify(conversationId, changes.messages)
      // A big import is told in several events, so no window gets one giant frame.
      for (let i = 0; i < messages.length; i += APPENDED_EVENT_MAX)
        this.listener.messagesAppended(conversationId, messages.slice(i, i + APPENDED_EVENT_MAX))
      // Messages that arrive by sync or import and fail validation are shown, not dropped.
      void this.report(bad)
    })
    persisted.onFlush((r) => {
      if (!r.ok) this.listener.storageFailed(r.error.message)
    })
  }

  private async foldPages(conversationId: string): Promise<void> {
    if (this.closed) return
    try {
      await foldSmallPages(this.db, conversationId)
    } catch (e) {
      // The small pages stay as they are, all readable; the next append's pause tries again.
      if (!(e instanceof Dexie.DatabaseClosedError)) console.error('could not fold pages', e)
    }
  }

  /** After messages left a conversation (here or by sync): their content leaves storage too. */
  private afterDeletion(
    conversationId: string,
    persisted: PersistedDoc,
    deleted: DeletedMessage[],
  ): Promise<Result<void>> {
    return this.cleanup(async () => {
      const purged = await persisted.purge()
      if (!purged.ok) return purged
      try {
        await forgetMessages(this.db, conversationId, deleted)
      } catch (e) {
        return storageError(e, 'delete the message for good')
      }
      try {
        await this.listener.messagesRemoved(
          conversationId,
          deleted.map((m) => m.id),
        )
      } catch (e) {
        return storageError(e, 'delete the message for good')
      }
      return ok(undefined)
    })
  }

  private async report(bad: Unreadable[]): Promise<void> {
    if (bad.length === 0) return
    try {
      // The memory view carries the count, so a new quarantined record refreshes it.
      if ((await quarantine(this.db, bad)) > 0) this.listener.memoryChanged([])
    } catch (e) {
      console.error('could not record quarantined rows', e)
    }
  }

  /** Every id the conversation list has an entry for (trashed, unreadable and newer ones too). */
  conversationIds(): string[] {
    if (this.view) return [...this.view.conversationIds]
    return [...conversationsMap(this.state.doc).keys()]
  }

  /** Whether the conversation list has an entry, of any version, for `id`. */
  hasConversationEntry(id: string): boolean {
    if (this.view) return this.view.conversationIds.includes(id)
    return conversationsMap(this.state.doc).has(id)
  }

  /**
   * Calls `listener` with each conversation id newly added to the list, locally or by sync, from
   * when the space document is loaded (nothing can be added before).
   */
  onConversationAdded(listener: (id: string) => void): () => void {
    let stop: (() => void) | null = null
    let stopped = false
    void this.stateLoad.then((state) => {
      if (!state.ok || stopped) return
      const map = conversationsMap(state.value.doc)
      const observe = (event: Y.YMapEvent<unknown>): void => {
        for (const [id, change] of event.changes.keys) if (change.action === 'add') listener(id)
      }
      map.observe(observe)
      stop = () => map.unobserve(observe)
    })
    return () => {
      stopped = true
      stop?.()
    }
  }

  /**
   * The live Yjs document `docId` names, for sync: sync exchanges the document's own updates, and
   * what it applies is stored and told through the same commit feed as any change. A conversation
   * not seen before is opened (which creates it).
   */
  async syncDoc(docId: string): Promise<Result<Y.Doc>> {
    const parsed = parseDocId(docId)
    if (parsed === null)
      return err('validation', `"${docId.slice(0, 80)}" is not a document of a space`, 'docId')
    if (parsed.kind === 'space') {
      const state = await this.loadedState()
      return state.ok ? ok(state.value.doc) : state
    }
    const opened =
      parsed.kind === 'segment'
        ? await this.segment(parsed.conversationId, parsed.n)
        : await this.conversation(parsed.conversationId)
    return opened.ok ? ok(opened.value.doc) : opened
  }

  /**
   * Applies an update another device sent to a document `syncDoc` handed out, with `origin`, and
   * stores the bytes as they arrived (`PersistedDoc.receive`: no second encoding of a big update).
   * Throws what `Y.applyUpdate` throws.
   */
  receiveSynced(doc: Y.Doc, update: Uint8Array, origin: unknown): void {
    const persisted = PersistedDoc.of(doc)
    if (persisted) persisted.receive(update, origin)
    else Y.applyUpdate(doc, update, origin)
  }

  /**
   * Calls `listener` with each conversation document once it is opened (loaded), before the opener
   * can change it: sync listens to a document from then on, and never loads one just to listen.
   */
  onConversationOpened(
    listener: (conversationId: string, doc: Y.Doc, docId: string) => void,
  ): () => void {
    this.openedListeners.add(listener)
    return () => this.openedListeners.delete(listener)
  }

  /**
   * Stores a conversation that arrived whole from another device (a sealed sync item: its Yjs state
   * and its pages, `source` naming the item) without decoding the state, when this device holds
   * nothing of it and has not opened it (`commitSealed`). Its messages are told to the windows as
   * for any commit, and its pages are checked against the state once the device is idle
   * (`checkSealedPages`). Resolves to false, storing nothing, when it cannot — the conversation is
   * open, has something stored or was deleted for good, the space is read-only, or the pages cannot
   * be read (reported in the quarantine list) — and the caller then applies the state as any update.
   */
  async receiveSealed(
    conversationId: string,
    parts: { state: Uint8Array; pages: Uint8Array },
    source: string,
    segment: number | null = null,
  ): Promise<Result<boolean>> {
    const docId =
      segment === null ? conversationDocId(conversationId) : segmentDocId(conversationId, segment)
    const open =
      segment === null ? this.conversationDocs.has(conversationId) : this.segmentDocs.has(docId)
    if (
      this.readOnly ||
      this.closed ||
      open ||
      this.sealing.has(docId) ||
      this.isPurged(conversationId)
    )
      return ok(false)
    const store = async (): Promise<Result<boolean>> => {
      const pages = readSealedPages(parts.pages)
      if (!pages.ok) {
        await this.report([
          {
            origin: docId,
            recordId: `sealed-pages:${source}`,
            raw: { item: source, pagesBytes: parts.pages.byteLength },
            path: pages.error.path ?? 'pages',
            reason: `the pages another device sent with this conversation cannot be read (${pages.error.message}); they were built from its state instead`,
          },
        ])
        return ok(false)
      }
      let seq: number | null
      try {
        seq = await commitSealed(this.db, docId, conversationId, parts.state, pages.value, source)
      } catch (e) {
        return storageError(e, 'save the synced conversation')
      }
      if (seq === null) return ok(false)
      // A segment stored without opening it can be newer than the newest this device knows of.
      const newest = this.newestSegments.get(conversationId)
      if (segment !== null && newest !== undefined && (newest === null || segment > newest))
        this.newestSegments.set(conversationId, segment)
      void this.announceStored(conversationId, pages.value)
      if (!this.closed) this.sealedChecks.poke()
      return ok(true)
    }
    // Set before the first await, so an open of this conversation meanwhile waits for the store.
    const storing = store()
    this.sealing.set(docId, storing)
    try {
      return await storing
    } finally {
      this.sealing.delete(docId)
    }
  }

  /**
   * Tells the windows of messages stored without a document commit (sealed, or pages rebuilt),
   * after they are stored: validated and told `APPENDED_EVENT_MAX` at a time, a task each, so 100k
   * of them never make one long task that holds up every request behind it.
   */
  private async announceStored(
    conversationId: string,
    rows: readonly { id: string; record: unknown }[],
  ): Promise<void> {
    const bad: Unreadable[] = []
    for (let i = 0; i < rows.length; i += APPENDED_EVENT_MAX) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 0))
      const read = this.classify(conversationId, rows.slice(i, i + APPENDED_EVENT_MAX))
      appendAll(bad, read.bad)
      if (read.messages.length > 0) this.listener.messagesAppended(conversationId, read.messages)
    }
    await this.report(bad)
  }

  /**
   * A conversation's whole Yjs state and its messages as pages (`encodeSealedPages`), taken at one
   * stored position, for sync to send as one sealed item; null when the conversation is not stored
   * in pages or changed while it was read.
   */
  async sealedOf(
    conversationId: string,
    segment: number | null = null,
  ): Promise<Result<{ state: Uint8Array; pages: Uint8Array } | null>> {
    if (segment !== null) {
      // A segment is small by design: its pages are projected from its own state.
      const opened = await this.segment(conversationId, segment)
      if (!opened.ok) return opened
      const state = await opened.value.whenStored((doc) => Y.encodeStateAsUpdate(doc))
      return ok(state === null ? null : this.sealFold(conversationId, [state]))
    }
    const opened = await this.conversation(conversationId)
    if (!opened.ok) return opened
    const taken = await opened.value.whenStored((doc, position) => ({
      state: Y.encodeStateAsUpdate(doc),
      position,
      ids: new Set(messagesOf(doc).map(recordIdOf)),
    }))
    if (taken === null) return ok(null)
    try {
      const docId = conversationDocId(conversationId)
      const messages = await readWholeConversation(this.db, docId, conversationId, taken.position)
      if (messages === null) return ok(null)
      // The conversation's pages hold its segments' messages too: only this document's go with it.
      const segmented = (await this.segments(conversationId)).length > 0
      const own = segmented ? messages.filter((m) => taken.ids.has(m.id)) : messages
      return ok({ state: taken.state, pages: encodeSealedPages(own) })
    } catch (e) {
      return storageError(e, 'read the conversation')
    }
  }

  /**
   * Updates of a conversation folded into one state with the pages a device that holds nothing of
   * it would build from that state (`foldWithPages`), for sync to send as one sealed item in place
   * of the items they came in; null when an update does not replay.
   */
  sealFold(
    conversationId: string,
    updates: readonly Uint8Array[],
  ): { state: Uint8Array; pages: Uint8Array } | null {
    const folded = foldWithPages(conversationId, updates)
    return folded ? { state: folded.state, pages: encodeSealedPages(folded.messages) } : null
  }

  /**
   * Checks each conversation stored from a sealed item against its state (`checkSealed`, a whole
   * decode): pages that disagree are rebuilt from the state, reported in the quarantine list, and
   * told to the windows as removed and appended again. Runs by itself once the device has been
   * idle for a while after such a store (and at the next start if the app closed first); resolves
   * to how many conversations were rebuilt.
   */
  async checkSealedPages(): Promise<number> {
    if (this.readOnly) return 0
    let repaired = 0
    for (const mark of await sealedMarks(this.db)) {
      if (this.closed) break
      const { conversationId, source } = mark
      const docId = conversationDocId(conversationId)
      const checked = await checkSealed(this.db, mark)
      if (checked.type === 'moved') this.sealedChecks.poke()
      else if (checked.type === 'unreadable')
        await this.report([
          {
            origin: docId,
            recordId: `sealed-state:${source}`,
            raw: { item: source },
            path: 'state',
            reason: `the state another device sent for this conversation does not replay (${checked.reason})`,
          },
        ])
      else if (checked.type === 'repaired') {
        repaired++
        await this.report([
          {
            origin: docId,
            recordId: `sealed-pages:${source}`,
            raw: { item: source, sent: checked.sent },
            path: 'pages',
            reason: `the pages another device sent with this conversation disagreed with its state (${checked.difference}); they were rebuilt from the state`,
          },
        ])
        if (checked.removed.length > 0)
          await this.listener.messagesRemoved(conversationId, checked.removed)
        await this.announceStored(conversationId, checked.written)
      }
    }
    return repaired
  }

  /**
   * Adds list entries for conversations that have none yet (never overwriting one); resolves to the
   * ids it added once they are durable.
   */
  async addConversationEntries(entries: ConversationEntry[]): Promise<Result<string[]>> {
    if (this.readOnly) return ok([])
    const loaded = await this.loadedState()
    if (!loaded.ok) return loaded
    for (const entry of entries) {
      const checked = checkForWrite('conversations', entry)
      if (!checked.ok) return checked
    }
    const added: string[] = []
    const saved = await this.state.change((doc) => {
      const list = conversationsMap(doc)
      for (const entry of entries)
        if (!list.has(entry.id) && !isPurged(doc, entry.id)) {
          list.set(entry.id, entry)
          added.push(entry.id)
        }
    })
    return saved.ok ? ok(added) : saved
  }

  /** A memory item's versions, oldest first: what corrections and supersession kept. */
  async memoryHistory(id: string): Promise<MemoryItem[]> {
    const entries = await this.viewEntries()
    return entries
      ? versionsOf(readMemoryEntries(entries).items, id)
      : historyOf(this.state.doc, id)
  }

  /** The stored context of one reply ("What the assistant saw"), if it was recorded. */
  async turn(replyId: string): Promise<TurnRow | undefined> {
    return this.db.turns.get(replyId)
  }

  /** Records the context of a reply (strict, like every write to the space). */
  async saveTurn(row: TurnRow): Promise<void> {
    await this.db.turns.put(row)
  }

  /** The space's key-value rows: the backup, the last import, the sync pairing. */
  get kv(): KvTable {
    return this.db.kv
  }

  /** Every quarantined record, oldest first. */
  quarantined(): Promise<QuarantinedRecord[]> {
    return listQuarantined(this.db)
  }

  /** The quarantined records (or one) as a JSON document a person can keep. */
  exportQuarantined(id?: number): Promise<{ json: string; count: number }> {
    return exportQuarantined(this.db, id)
  }

  /** One quarantine row, or null when it was already discarded. */
  quarantinedRow(id: number): Promise<QuarantineRow | null> {
    return quarantinedRow(this.db, id)
  }

  /** Forgets a quarantine row (after its record was discarded). */
  async forgetQuarantined(id: number): Promise<void> {
    await this.db.quarantine.delete(id)
  }

  /** Closes the database (the runtime moved to another space). */
  close(): void {
    this.stopViewSaves()
    this.db.close()
  }

  private stopViewSaves(): void {
    this.closed = true
    if (this.loadTimer !== null) clearTimeout(this.loadTimer)
    this.loadTimer = null
    this.sealedChecks.cancel()
    for (const fold of this.folds.values()) fold.cancel()
    if (this.viewTimer !== null) clearTimeout(this.viewTimer)
    this.viewTimer = null
  }

  /** Closes the database and deletes it (the space was replaced; it lives on only as a backup). */
  async deleteStorage(): Promise<void> {
    this.stopViewSaves()
    this.db.close()
    await Dexie.delete(this.db.name)
  }

  /** The space's settings as stored (a setting that fails validation is quarantined and defaulted). */
  settings(): Promise<Settings> {
    return loadSettings(this.db)
  }

  /**
   * Reads the space document at this moment, for work on a copy (an export, planning an import).
   * `read` must not change the document: changes go through the methods that store them.
   */
  async readSpaceDoc<T>(read: (doc: Y.Doc) => T): Promise<Result<T>> {
    const state = await this.loadedState()
    return state.ok ? ok(read(state.value.doc)) : state
  }

  /** The stored Yjs state of a document (snapshot plus update log), read without opening it. */
  storedDocState(docId: string): Promise<Uint8Array> {
    return readDocState(this.db, docId)
  }

  /** Every quarantine row as stored, oldest first (an export carries them as they are). */
  quarantineRows(): Promise<QuarantineRow[]> {
    return this.db.quarantine.toArray()
  }

  /**
   * Stores an import's document writes and extra rows in one transaction, through the write path of
   * every change; then the live documents take them in and publish them as committed. Rejects and
   * stores nothing when the transaction fails. Writes name the space document or a conversation's.
   */
  async commitImport(writes: readonly DocWrite[], extras: CommitExtras): Promise<void> {
    const loaded = await this.loadedState()
    if (!loaded.ok) throw new Error(loaded.error.message)
    const seqs = await commitUpdates(this.db, writes, extras)
    for (const [i, write] of writes.entries()) {
      const parsed = parseDocId(write.docId)
      const seq = seqs[i]
      if (parsed === null || seq === undefined) continue
      if (parsed.kind === 'space') await this.state.adopt(write, seq)
      else {
        const opened =
          parsed.kind === 'segment'
            ? await this.segment(parsed.conversationId, parsed.n)
            : await this.conversation(parsed.conversationId)
        if (opened.ok) await opened.value.adopt(write, seq)
      }
    }
  }

  /** About the `limit` most recently written messages, newest writes first (the search's warm start). */
  recentlyWrittenMessages(limit: number): Promise<MessageRow[]> {
    return recentlyWritten(this.db, limit)
  }

  /** The messages written after `cursor`, in whole updates (see `messageRowsAfter`). */
  messagesWrittenAfter(cursor: RowCursor, limit: number): Promise<RowsAfter> {
    return messageRowsAfter(this.db, cursor, limit)
  }

  /** How many message rows the read model holds. */
  messageRowCount(): Promise<number> {
    return messageRowCount(this.db)
  }

  /** The saved search index, loaded a part at a time (see docs/saved-index.ts); null when unusable. */
  savedSearchIndex(step: () => Promise<void>): Promise<SavedIndex | null> {
    return loadSavedIndex(this.db, step)
  }

  /** Saves the search index (derived data, in its own table so it never holds up a write). */
  saveSearchIndex(index: SearchIndex): Promise<void> {
    return saveIndex(this.db, index)
  }

  async quarantineCount(): Promise<number> {
    return this.db.quarantine.count()
  }

  /** Messages and conversations seen so far that a newer Keepsake wrote: stored unchanged, not shown. */
  get futureRecordCount(): number {
    return this.futureRecords.size
  }

  /** Waits for every pending write of every open document, and saves the stored view if it lags. */
  async settle(): Promise<void> {
    // A document that was never loaded has nothing to write.
    const state = this.loadStarted ? await this.loadedState() : null
    if (state?.ok) await state.value.settle()
    for (const opening of [...this.conversationDocs.values(), ...this.segmentDocs.values()]) {
      const r = await opening
      if (r.ok) await r.value.settle()
    }
    for (const fold of this.folds.values()) await fold.now()
    await this.saveView()
  }
}

/** The name a space has until it is given one. */
const DEFAULT_NAME = 'My memory'

/**
 * How long after a start from the stored view the space document is loaded, unless something needs
 * it sooner (a change, a read of the document): decoding 10,000 memory items takes about 90 ms of
 * the runtime's thread, which a first prompt at start must not wait behind.
 */
export const LOAD_BEHIND_MS = 1000

/**
 * How long after the last conversation stored from a sealed sync item its pages are checked
 * against its state (a whole decode, kept off a first sync's path).
 */
export const SEALED_CHECK_IDLE_MS = 5000

/** How long after the last change to the space document its stored view is saved again. */
export const VIEW_SAVE_IDLE_MS = 1000

const nameIn = (meta: Record<string, unknown>): string =>
  typeof meta.name === 'string' ? meta.name : DEFAULT_NAME

/** Whether a stored view's meta is this schema's and reads as meta (anything else opens the document). */
const currentMeta = (meta: Record<string, unknown>): boolean =>
  meta.schemaVersion === CURRENT_SCHEMA_VERSION && DocMeta.safeParse(meta).success

const zip = <A, B>(a: readonly A[], b: readonly B[]): [A, B][] =>
  a.map((x, i) => [x, b[i] as B] as [A, B])

const recordIdOf = (value: unknown): string | null =>
  typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string'
    ? value.id
    : null
