import type {
  MessagePageRow,
  MessageRow,
  PagedMessage,
  PageDirRow,
  PageEntry,
  SpaceDb,
} from '../db/space-db'
import { PAGE_SIZE, PageLayout, TAIL_SIZE, comesBefore, foldGroups } from './page-layout'
import { largest } from '../../../shared/append-all'

/**
 * Above this many messages in one write, the conversation's pages are all read at once (an import
 * into a conversation that has some already) instead of looking each id up in the index.
 */
const READ_ALL_ABOVE = 1000

const emptyDir = (conversationId: string): PageDirRow => ({ conversationId, total: 0, pages: [] })

const isPagedMessage = (m: unknown): m is PagedMessage =>
  typeof m === 'object' &&
  m !== null &&
  'id' in m &&
  typeof m.id === 'string' &&
  'createdAt' in m &&
  typeof m.createdAt === 'string'

/**
 * A stored page's messages. A page damaged on disk (not an array, an entry without id or time) keeps
 * what is readable; its records still go through `readRecord`, which quarantines what is unreadable.
 */
export function pageMessages(row: MessagePageRow | undefined): PagedMessage[] {
  const messages: unknown = row?.messages
  if (!Array.isArray(messages)) return []
  return messages.map((m: unknown, i) =>
    isPagedMessage(m)
      ? m
      : { id: `${row?.conversationId}#page${row?.no}:${i}`, createdAt: '', record: m },
  )
}

/** The directory of a conversation in pages, or undefined when it has none (never written, or not yet converted). */
export function readDir(db: SpaceDb, conversationId: string): Promise<PageDirRow | undefined> {
  return db.pageDirs.get(conversationId)
}

/**
 * Writes message rows of one conversation into its pages. A message already there (by id) is
 * replaced; the rest are placed in order. Call inside a rw transaction on `messagePages` and
 * `pageDirs`. Returns how many messages are new.
 */
export async function putPagedRows(
  db: SpaceDb,
  conversationId: string,
  rows: readonly MessageRow[],
  stored?: PageDirRow,
): Promise<number> {
  const dir = stored ?? (await readDir(db, conversationId)) ?? emptyDir(conversationId)
  const incoming = new Map<string, MessageRow>()
  for (const row of rows) incoming.set(row.id, row)
  const contents = new Map<number, PagedMessage[]>()
  const where = new Map<string, number>()
  if (dir.total > 0) {
    const found =
      incoming.size > READ_ALL_ABOVE
        ? await db.messagePages.bulkGet(dir.pages.map((p) => [conversationId, p.no]))
        : await pagesHolding(db, [...incoming.keys()])
    for (const row of found) {
      if (!row || row.conversationId !== conversationId) continue
      const messages = pageMessages(row)
      contents.set(row.no, messages)
      for (const m of messages) if (incoming.has(m.id)) where.set(m.id, row.no)
    }
  }
  const ordered = [...incoming.values()].sort((a, b) => (comesBefore(a, b) ? -1 : 1))
  const tail = dir.pages.at(-1)
  const first = ordered[0]
  // A few messages after a full tail (appends): close it. The small pages appends leave behind are
  // folded later, in a write of their own (`foldSmallPages`), so an append only writes a small page.
  const closing =
    where.size === 0 &&
    incoming.size <= TAIL_SIZE &&
    tail !== undefined &&
    tail.count >= TAIL_SIZE &&
    first !== undefined &&
    comesBefore({ createdAt: tail.lastAt, id: tail.lastId }, first)
  const layout = new PageLayout(dir.pages, contents)
  if (closing) layout.closeTail()
  for (const [id, no] of where) layout.remove(no, id)
  for (const row of ordered) {
    const no = layout.target(row)
    if (!layout.page(no)) {
      const stored = await db.messagePages.get([conversationId, no])
      contents.set(no, pageMessages(stored))
    }
    layout.insert(no, { id: row.id, createdAt: row.createdAt, record: row.record })
  }
  let seq = 0
  for (const row of rows) seq = Math.max(seq, row.seq ?? 0)
  await writeLayout(db, conversationId, layout, seq)
  return incoming.size - where.size
}

/**
 * The stored pages that hold any of `ids`. Each id is looked up by key in the multi-entry index
 * (no cursor), and only pages that hold one are read: for an append, none.
 */
async function pagesHolding(db: SpaceDb, ids: readonly string[]): Promise<MessagePageRow[]> {
  const keys = await Promise.all(
    ids.map((id) => db.messagePages.where('ids').equals(id).primaryKeys()),
  )
  const unique = new Map<string, [string, number]>()
  for (const key of keys.flat()) unique.set(`${key[0]}\u0000${key[1]}`, key)
  if (unique.size === 0) return []
  const rows = await db.messagePages.bulkGet([...unique.values()])
  return rows.filter((row): row is MessagePageRow => row !== undefined)
}

/** The rows of the pages `layout` changed, stamped with `seq`. */
function changedPages(conversationId: string, layout: PageLayout, seq: number): MessagePageRow[] {
  const pages: MessagePageRow[] = []
  for (const no of layout.changed) {
    const messages = layout.page(no)
    if (messages) pages.push({ conversationId, no, seq, ids: messages.map((m) => m.id), messages })
  }
  return pages
}

/**
 * The pages and directory of a conversation nothing is stored of yet, laid out in memory from its
 * rows (in read order, as `putPagedRows` would place them into an empty directory), nothing read.
 * The pages carry `seq`, or the highest `seq` of the rows when it is not given.
 */
export function newConversationPages(
  conversationId: string,
  rows: readonly MessageRow[],
  seq: number = highestSeq(rows),
): { pages: MessagePageRow[]; dir: PageDirRow } {
  const ordered = inReadOrder(rows)
  const cut = cutPages(conversationId, ordered, 0, seq)
  return { pages: cut.pages, dir: { conversationId, total: ordered.length, pages: cut.entries } }
}

/**
 * Writes message rows that all come after a conversation's last message (a later segment arriving
 * whole) as new pages after its last page, without reading any page; false, writing nothing, when
 * one of them does not come after it (they are then placed with `putPagedRows`). The new pages carry
 * `seq`, or the highest `seq` of the rows. Call inside a rw transaction on `messagePages` and
 * `pageDirs`.
 */
export async function putPagesAfter(
  db: SpaceDb,
  rows: readonly MessageRow[],
  dir: PageDirRow,
  seq: number = highestSeq(rows),
): Promise<boolean> {
  const ordered = inReadOrder(rows)
  const tail = dir.pages.at(-1)
  const first = ordered[0]
  if (first === undefined) return true
  if (tail !== undefined && !comesBefore({ createdAt: tail.lastAt, id: tail.lastId }, first))
    return false
  const from = dir.pages.reduce((top, p) => Math.max(top, p.no + 1), 0)
  const cut = cutPages(dir.conversationId, ordered, from, seq)
  if (cut.pages.length > 0) await db.messagePages.bulkPut(cut.pages)
  await db.pageDirs.put({
    conversationId: dir.conversationId,
    total: dir.total + ordered.length,
    pages: [...dir.pages, ...cut.entries],
  })
  return true
}

/** Rows once each (the last of an id wins), in read order. */
function inReadOrder(rows: readonly MessageRow[]): MessageRow[] {
  const incoming = new Map<string, MessageRow>()
  for (const row of rows) incoming.set(row.id, row)
  return [...incoming.values()].sort((a, b) => (comesBefore(a, b) ? -1 : 1))
}

const highestSeq = (rows: readonly MessageRow[]): number =>
  rows.reduce((top, row) => Math.max(top, row.seq ?? 0), 0)

/**
 * Rows in read order cut into pages numbered from `firstNo`: each page fills to `PAGE_SIZE` before
 * the next starts (what `PageLayout` places them as), so they are cut directly.
 */
function cutPages(
  conversationId: string,
  ordered: readonly MessageRow[],
  firstNo: number,
  seq: number,
): { pages: MessagePageRow[]; entries: PageEntry[] } {
  const pages: MessagePageRow[] = []
  const entries: PageEntry[] = []
  for (let start = 0; start < ordered.length; start += PAGE_SIZE) {
    const no = firstNo + start / PAGE_SIZE
    const messages = ordered
      .slice(start, start + PAGE_SIZE)
      .map((row) => ({ id: row.id, createdAt: row.createdAt, record: row.record }))
    const last = messages.at(-1)!
    pages.push({ conversationId, no, seq, ids: messages.map((m) => m.id), messages })
    entries.push({ no, count: messages.length, lastAt: last.createdAt, lastId: last.id })
  }
  return { pages, entries }
}

/** Stores what `layout` changed: its pages (stamped with `seq`), removed pages, and the directory. */
export async function writeLayout(
  db: SpaceDb,
  conversationId: string,
  layout: PageLayout,
  seq: number,
): Promise<void> {
  const pages = changedPages(conversationId, layout, seq)
  if (pages.length > 0) await db.messagePages.bulkPut(pages)
  if (layout.removed.size > 0)
    await db.messagePages.bulkDelete([...layout.removed].map((no) => [conversationId, no]))
  await db.pageDirs.put({ conversationId, total: layout.total, pages: layout.entries })
}

/**
 * Folds the runs of small pages a conversation's appends left behind into pages of about
 * `PAGE_SIZE` (`foldGroups`), in one rw transaction of its own; returns how many pages it removed.
 * A folded page carries the highest `seq` of the pages it took in: every message in it was written
 * by an update at or below it, so a reader by change order (`messageRowsAfter`) misses none.
 */
export async function foldSmallPages(db: SpaceDb, conversationId: string): Promise<number> {
  return db.transaction('rw', [db.messagePages, db.pageDirs], async () => {
    const dir = await readDir(db, conversationId)
    const groups = dir ? foldGroups(dir.pages) : []
    if (!dir || groups.length === 0) return 0
    const nos = groups.flat().map((e) => e.no)
    const rows = await db.messagePages.bulkGet(nos.map((no) => [conversationId, no]))
    const contents = new Map<number, PagedMessage[]>()
    const seqOf = new Map<number, number>()
    rows.forEach((row, i) => {
      if (!row) return
      contents.set(nos[i]!, pageMessages(row))
      seqOf.set(nos[i]!, typeof row.seq === 'number' ? row.seq : 0)
    })
    const layout = new PageLayout(dir.pages, contents)
    const pages: MessagePageRow[] = []
    for (const group of groups) {
      const run = group.map((e) => e.no)
      if (!layout.fold(run)) continue
      const messages = layout.page(run[0]!)!
      const seq = largest(
        run.map((no) => seqOf.get(no) ?? 0),
        0,
      )
      pages.push({ conversationId, no: run[0]!, seq, ids: messages.map((m) => m.id), messages })
    }
    if (pages.length === 0) return 0
    await db.messagePages.bulkPut(pages)
    await db.messagePages.bulkDelete([...layout.removed].map((no) => [conversationId, no]))
    await db.pageDirs.put({ conversationId, total: layout.total, pages: layout.entries })
    return layout.removed.size
  })
}

/** The page holding message `id`, if any conversation in pages has it. */
export async function pageOf(db: SpaceDb, id: string): Promise<MessagePageRow | undefined> {
  return db.messagePages.where('ids').equals(id).first()
}

/** Takes message `id` out of its page; false if no page has it. Call inside a rw transaction on both tables. */
export async function deletePagedMessage(db: SpaceDb, id: string): Promise<boolean> {
  const row = await pageOf(db, id)
  if (!row) return false
  const dir = await readDir(db, row.conversationId)
  if (!dir) return false
  const layout = new PageLayout(dir.pages, new Map([[row.no, pageMessages(row)]]))
  if (!layout.remove(row.no, id)) return false
  await writeLayout(db, row.conversationId, layout, row.seq)
  return true
}

/** Messages `offset` to `offset + limit` of a conversation in pages, in read order. */
export async function readPagedRange(
  db: SpaceDb,
  dir: PageDirRow,
  offset: number,
  limit: number,
): Promise<PagedMessage[]> {
  const wanted: number[] = []
  let start = 0
  let skipped = 0
  for (const entry of dir.pages) {
    const end = start + entry.count
    if (end > offset && start < offset + limit) {
      if (wanted.length === 0) skipped = start
      wanted.push(entry.no)
    }
    start = end
  }
  if (wanted.length === 0) return []
  const rows = await db.messagePages.bulkGet(wanted.map((no) => [dir.conversationId, no]))
  const messages = rows.flatMap((row) => pageMessages(row))
  return messages.slice(offset - skipped, offset - skipped + limit)
}

/** Where message `id` of `row` sits in its conversation: the messages in pages before it, plus its place. */
export function pagedIndex(dir: PageDirRow, row: MessagePageRow, id: string): number {
  let before = 0
  for (const entry of dir.pages) {
    if (entry.no === row.no) break
    before += entry.count
  }
  return (
    before +
    Math.max(
      0,
      pageMessages(row).findIndex((m) => m.id === id),
    )
  )
}
