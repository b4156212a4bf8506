import { Dexie, type Table } from 'dexie'

/** One Yjs update, appended in the same transaction that acknowledges the action it records. */
export interface UpdateRow {
  seq?: number
  docId: string
  update: Uint8Array
  at: string
}

/** A compacted Yjs state covering every update of `docId` up to and including `upToSeq`. */
export interface SnapshotRow {
  docId: string
  state: Uint8Array
  upToSeq: number
  at: string
}

/**
 * The first read model: one row per message, indexed by conversation and time. Spaces written
 * before pages still hold these until `convertLegacyMessages` moves each conversation into pages.
 * `record` is the stored message as written.
 */
export interface MessageRow {
  id: string
  conversationId: string
  createdAt: string
  /** The update row that brought this message; lets the search index catch up from a watermark. */
  seq?: number
  record: unknown
}

/** One message as a page keeps it: its id and time (the page's order) and the stored record as written. */
export interface PagedMessage {
  id: string
  createdAt: string
  record: unknown
}

/**
 * Read model: a run of one conversation's messages, in order (by time, then id), many per row, so
 * bulk writes and reads touch hundreds of rows, not one per message. Pages of a conversation are
 * ordered by `no` (fractional when a page was split), listed with their counts in its `PageDirRow`.
 */
export interface MessagePageRow {
  conversationId: string
  no: number
  /** The update row that last wrote this page; the search index catches up from it. */
  seq: number
  /** The ids of `messages`, indexed (multi-entry) to find a message's page. */
  ids: string[]
  messages: PagedMessage[]
}

/** One page of a conversation as its directory lists it: enough to place a message and to page by offset. */
export interface PageEntry {
  no: number
  count: number
  /** The page's last message (time, then id): later messages go after this page. */
  lastAt: string
  lastId: string
}

/** A conversation's pages in order, with their counts: one small row read gives offsets and the total. */
export interface PageDirRow {
  conversationId: string
  total: number
  pages: PageEntry[]
}

/** Read model: one memory item as written in the space document. */
export interface MemoryRow {
  id: string
  kind: string
  record: unknown
}

export interface QuarantineRow {
  id?: number
  origin: string
  recordId: string
  raw: string
  path: string
  reason: string
  at: string
}

/** "What the assistant saw" for one reply. */
export interface TurnRow {
  replyId: string
  conversationId: string
  /** Schema version of `record` (a ContextRecord), like every persisted record. */
  schemaVersion?: number
  record: unknown
}

/** The key-value rows of a space (settings, the sync pairing, the backup), as `Space.kv` offers them. */
export interface KvTable {
  get(key: string): Promise<KvRow | undefined>
  put(row: KvRow): Promise<unknown>
  delete(key: string): Promise<void>
}

export interface KvRow {
  key: string
  value: unknown
}

/** The IndexedDB database name of space `id`. */
export const spaceDbName = (id: string): string => `keepsake-space-${id}`

/**
 * The IndexedDB database of one memory space. Yjs update log plus snapshots are the source of truth;
 * `messages` and `memory` are read models kept in step inside the same transactions.
 */
export class SpaceDb extends Dexie {
  updates!: Table<UpdateRow, number>
  snapshots!: Table<SnapshotRow, string>
  messages!: Table<MessageRow, string>
  memory!: Table<MemoryRow, string>
  quarantine!: Table<QuarantineRow, number>
  turns!: Table<TurnRow, string>
  kv!: Table<KvRow, string>
  /**
   * Derived data that can always be rebuilt from the tables above (the search index snapshot).
   * Kept apart from `kv` so saving a multi-megabyte snapshot never holds up a write that counts
   * messages in `kv`.
   */
  caches!: Table<KvRow, string>
  messagePages!: Table<MessagePageRow, [string, number]>
  pageDirs!: Table<PageDirRow, string>

  constructor(spaceId: string, durability: 'strict' | 'relaxed' = 'strict') {
    // Chromium defaults to relaxed durability since 121; acknowledged writes must survive power loss.
    super(spaceDbName(spaceId), { chromeTransactionDurability: durability })
    this.version(1).stores({
      updates: '++seq, [docId+seq]',
      snapshots: 'docId',
      messages: 'id, [conversationId+createdAt], seq',
      memory: 'id, kind',
      quarantine: '++id, [origin+recordId]',
      turns: 'replyId, conversationId',
      kv: 'key',
    })
    this.version(2)
      .stores({ caches: 'key' })
      .upgrade(async (tx) => {
        // Version 1 kept the search index snapshot in kv; it moves, unchanged.
        const kv = tx.table<KvRow, string>('kv')
        const snapshot = await kv.get(SEARCH_INDEX_KEY)
        if (snapshot) {
          await tx.table<KvRow, string>('caches').put(snapshot)
          await kv.delete(SEARCH_INDEX_KEY)
        }
      })
    // Version 3 keeps messages in pages. Existing rows stay where they are and are converted in
    // the background, a conversation per transaction (`convertLegacyMessages`), never in this upgrade.
    this.version(3).stores({
      messagePages: '[conversationId+no], seq, *ids',
      pageDirs: 'conversationId',
    })
  }
}

/** Where the search index snapshot is kept in `caches`. */
export const SEARCH_INDEX_KEY = 'search-index'

/** A space this profile knows: its name as listed, when it was made and when it was last opened here. */
export interface RegistrySpace {
  id: string
  name: string
  createdAt: string
  /** Absent for spaces last opened by a build before it was recorded. */
  lastOpenedAt?: string
}

/** Space registry and device identity: which spaces exist on this profile and which is open. */
export class RegistryDb extends Dexie {
  spaces!: Table<RegistrySpace, string>
  kv!: Table<KvRow, string>

  constructor() {
    super('keepsake-registry', { chromeTransactionDurability: 'strict' })
    this.version(1).stores({ spaces: 'id', kv: 'key' })
  }
}
