import type { PagedMessage, PageEntry } from '../db/space-db'
import { appendAll } from '../../../shared/append-all'

/**
 * Messages a page is filled to before the next one starts. Chosen by measurement (bench row 4 and
 * row 3): big enough that a 100k-message import writes a few hundred rows, small enough that an
 * append, which rewrites the newest page, stays as fast as a one-row write.
 */
export const PAGE_SIZE = 250

/**
 * The newest page takes single appends until it holds this many; then the next append starts a new
 * page. An append rewrites only this small page, so its cost does not grow with the conversation.
 * The small pages an append run leaves behind are folded into pages of about `PAGE_SIZE`
 * (`foldGroups`) later, in a write of their own once writes pause (`foldSmallPages`), never inside
 * an append: pages still end up about `PAGE_SIZE` long.
 */
export const TAIL_SIZE = 16

/** A page that grows to this (messages arriving in the middle of a conversation) is split in two. */
const SPLIT_AT = PAGE_SIZE * 2

type Keyed = { createdAt: string; id: string }

/** The read order of a conversation: by time, then id. */
export const comesBefore = (a: Keyed, b: Keyed): boolean =>
  a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id)

const lastOf = (e: PageEntry): Keyed => ({ createdAt: e.lastAt, id: e.lastId })

/**
 * The runs of consecutive pages to fold into one, oldest first (each two pages or more, holding at
 * most `PAGE_SIZE` together). The newest page is left out (appends still fill it). A run stops where
 * the next page would not fit; the last run before the newest page is folded only once another
 * `TAIL_SIZE` would not fit beside it, so a folded page holds more than `PAGE_SIZE - TAIL_SIZE`
 * unless a bigger page follows it.
 */
export function foldGroups(entries: readonly PageEntry[]): PageEntry[][] {
  const groups: PageEntry[][] = []
  let run: PageEntry[] = []
  let count = 0
  const close = (): void => {
    if (run.length >= 2) groups.push(run)
    run = []
    count = 0
  }
  for (const entry of entries.slice(0, -1)) {
    if (count + entry.count > PAGE_SIZE) close()
    if (entry.count >= PAGE_SIZE) continue
    run.push(entry)
    count += entry.count
  }
  if (count + TAIL_SIZE > PAGE_SIZE) close()
  return groups
}

/**
 * The pages of one conversation being changed in memory: the directory's entries and the contents
 * of the pages loaded so far. Pages are loaded through `load` only when a message lands in them.
 */
export class PageLayout {
  readonly entries: PageEntry[]
  readonly changed = new Set<number>()
  readonly removed = new Set<number>()
  /** Set by `closeTail`: the next message after the last page starts a new page. */
  private tailClosed = false

  constructor(
    entries: readonly PageEntry[],
    private readonly contents: Map<number, PagedMessage[]>,
  ) {
    this.entries = entries.map((e) => ({ ...e }))
  }

  /** The messages of page `no`, if loaded. */
  page(no: number): PagedMessage[] | undefined {
    return this.contents.get(no)
  }

  /** Index of the first page whose last message is not before `m` (where `m` belongs), or -1. */
  private findPage(m: Keyed): number {
    let lo = 0
    let hi = this.entries.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (comesBefore(lastOf(this.entries[mid]!), m)) lo = mid + 1
      else hi = mid
    }
    return lo < this.entries.length ? lo : -1
  }

  /** The page number `m` goes into, creating a new page at the end when the last one is full. */
  target(m: Keyed): number {
    const at = this.findPage(m)
    if (at >= 0) return this.entries[at]!.no
    const tail = this.entries.at(-1)
    if (tail && tail.count < PAGE_SIZE && !this.tailClosed) return tail.no
    const no = tail ? Math.floor(tail.no) + 1 : 0
    this.entries.push({ no, count: 0, lastAt: m.createdAt, lastId: m.id })
    this.contents.set(no, [])
    this.removed.delete(no)
    this.tailClosed = false
    return no
  }

  /** Ends the newest page for appends: the next message after it starts a new page. */
  closeTail(): void {
    this.tailClosed = true
  }

  /**
   * Folds consecutive pages `run` (all loaded; see `foldGroups`) into the first of them. Returns
   * false, changing nothing, if they are not consecutive entries or not all loaded.
   */
  fold(run: readonly number[]): boolean {
    const at = this.entries.findIndex((e) => e.no === run[0])
    const into = run[0] === undefined ? undefined : this.contents.get(run[0])
    if (
      at < 0 ||
      !into ||
      run.some((no, i) => this.entries[at + i]?.no !== no || !this.contents.has(no))
    )
      return false
    for (const no of run.slice(1)) {
      appendAll(into, this.contents.get(no)!)
      this.contents.delete(no)
      this.changed.delete(no)
      this.removed.add(no)
    }
    this.entries.splice(at + 1, run.length - 1)
    this.changed.add(run[0]!)
    this.refresh(run[0]!)
    return true
  }

  /** Puts `m` into page `no` (which must be loaded) in order, splitting the page if it grew too big. */
  insert(no: number, m: PagedMessage): void {
    const messages = this.contents.get(no)
    if (!messages) throw new Error(`page ${no} is not loaded`)
    const last = messages.at(-1)
    if (!last || comesBefore(last, m)) messages.push(m)
    else {
      let at = messages.length
      while (at > 0 && comesBefore(m, messages[at - 1]!)) at--
      messages.splice(at, 0, m)
    }
    this.changed.add(no)
    this.refresh(no)
    if (messages.length >= SPLIT_AT) this.split(no)
  }

  /** Takes the message `id` out of page `no` (loaded); an emptied page is removed. */
  remove(no: number, id: string): boolean {
    const messages = this.contents.get(no)
    const at = messages?.findIndex((m) => m.id === id) ?? -1
    if (!messages || at < 0) return false
    messages.splice(at, 1)
    if (messages.length === 0) {
      const i = this.entries.findIndex((e) => e.no === no)
      if (i >= 0) this.entries.splice(i, 1)
      this.contents.delete(no)
      this.changed.delete(no)
      this.removed.add(no)
    } else {
      this.changed.add(no)
      this.refresh(no)
    }
    return true
  }

  private refresh(no: number): void {
    const entry = this.entries.find((e) => e.no === no)
    const messages = this.contents.get(no)
    const last = messages?.at(-1)
    if (!entry || !messages || !last) return
    entry.count = messages.length
    entry.lastAt = last.createdAt
    entry.lastId = last.id
  }

  private split(no: number): void {
    const i = this.entries.findIndex((e) => e.no === no)
    const messages = this.contents.get(no)
    if (i < 0 || !messages) return
    const next = this.entries[i + 1]
    // Between this page and the next, so the order of `no` stays the read order.
    const half = next ? (no + next.no) / 2 : Math.floor(no) + 1
    const moved = messages.splice(Math.floor(messages.length / 2))
    const last = moved.at(-1)!
    this.entries.splice(i + 1, 0, {
      no: half,
      count: moved.length,
      lastAt: last.createdAt,
      lastId: last.id,
    })
    this.contents.set(half, moved)
    this.removed.delete(half)
    this.changed.add(half)
    this.refresh(no)
  }

  get total(): number {
    return this.entries.reduce((n, e) => n + e.count, 0)
  }
}
