import type { MemoryItem } from '../../../shared/schema/current'
import { lostTo } from '../../../shared/docs'

/**
 * Orders two versions of one item: the later edit (its `validFrom`, then `createdAt`) wins, and the
 * id breaks a tie, so every device picks the same winner without talking to the others.
 */
export const laterEdit = (a: MemoryItem, b: MemoryItem): number =>
  a.validFrom.localeCompare(b.validFrom) ||
  a.createdAt.localeCompare(b.createdAt) ||
  a.id.localeCompare(b.id)

const latest = (items: readonly MemoryItem[]): MemoryItem | undefined =>
  items.reduce<MemoryItem | undefined>(
    (w, i) => (w === undefined || laterEdit(i, w) > 0 ? i : w),
    undefined,
  )

/** Groups item ids that are versions of one another (linked by `supersedes`), by union-find. */
function lineages(
  items: readonly MemoryItem[],
  byId: Map<string, MemoryItem>,
): Map<string, string> {
  const parent = new Map<string, string>()
  const root = (id: string): string => {
    let r = id
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!
    // Path compression keeps later lookups flat.
    let c = id
    while (c !== r) {
      const next = parent.get(c)!
      parent.set(c, r)
      c = next
    }
    return r
  }
  for (const item of items) {
    parent.set(item.id, parent.get(item.id) ?? item.id)
    if (item.supersedes && byId.has(item.supersedes)) {
      parent.set(item.supersedes, parent.get(item.supersedes) ?? item.supersedes)
      const a = root(item.id)
      const b = root(item.supersedes)
      if (a !== b) parent.set(a, b)
    }
  }
  const out = new Map<string, string>()
  for (const item of items) out.set(item.id, root(item.id))
  return out
}

/**
 * The writes that leave one current version per item after devices changed the same item while
 * apart (two laptops editing it offline each made a successor of it; sync then brings both).
 *
 * Among the current versions of one lineage, the later edit (`laterEdit`) stays current. Each other
 * one is closed as superseded by it and keeps its text, dates and source, so it stays in the item's
 * history. A version closed this way is recognisable without any new field: its `supersededBy`
 * names the winner, but the winner does not name it in `supersedes` (see `concurrentLosers`).
 * A version that is current only because another device overwrote its closing (a confirm racing an
 * edit) is closed again, as superseded by its own successor. The item the edits forked from is
 * pointed at the winning branch. Every device computes the same writes from the same merged
 * document, so writing them twice changes nothing; an empty array means there is nothing to repair.
 */
export function concurrentEditRepairs(items: readonly MemoryItem[]): MemoryItem[] {
  const byId = new Map(items.map((i) => [i.id, i]))
  const active = items.filter((i) => i.status === 'active')
  // The common case, checked cheaply: no current item has a current sibling or successor.
  const successors = new Map<string, MemoryItem[]>()
  for (const item of items) {
    if (!item.supersedes) continue
    const list = successors.get(item.supersedes)
    if (list) list.push(item)
    else successors.set(item.supersedes, [item])
  }
  const rootOf = lineages(items, byId)
  const groups = new Map<string, MemoryItem[]>()
  for (const item of active) {
    const root = rootOf.get(item.id) ?? item.id
    const group = groups.get(root)
    if (group) group.push(item)
    else groups.set(root, [item])
  }
  const repairs: MemoryItem[] = []
  for (const group of groups.values()) {
    if (group.length < 2) continue
    const heads = group.filter((i) => !successors.has(i.id))
    const winner = latest(heads.length > 0 ? heads : group)
    if (!winner) continue
    // The winner's own line of versions, newest first, and the child on it of each of them.
    const childOnPath = new Map<string, MemoryItem>()
    const seen = new Set<string>([winner.id])
    let cursor: MemoryItem | undefined = winner
    while (cursor?.supersedes && !seen.has(cursor.supersedes)) {
      const parent = byId.get(cursor.supersedes)
      if (!parent) break
      childOnPath.set(parent.id, cursor)
      seen.add(parent.id)
      cursor = parent
    }
    for (const loser of group) {
      if (loser === winner) continue
      const next = successors.has(loser.id)
        ? (childOnPath.get(loser.id) ?? latest(successors.get(loser.id) ?? []))
        : undefined
      if (next) {
        repairs.push({
          ...loser,
          status: 'superseded',
          validTo: next.validFrom,
          supersededBy: next.id,
        })
        continue
      }
      const until = loser.validFrom > winner.validFrom ? loser.validFrom : winner.validFrom
      repairs.push({ ...loser, status: 'superseded', validTo: until, supersededBy: winner.id })
    }
    for (const [id, child] of childOnPath) {
      const forkPoint = byId.get(id)
      if (forkPoint && forkPoint.status === 'superseded' && forkPoint.supersededBy !== child.id)
        repairs.push({ ...forkPoint, supersededBy: child.id })
    }
  }
  return repairs
}

/** The versions that lost to `winner` when devices edited the same item apart (see `lostTo`). */
export function concurrentLosers(winner: MemoryItem, items: readonly MemoryItem[]): MemoryItem[] {
  return items.filter((i) => lostTo(i, winner))
}

/** For each winner of a concurrent edit, how many versions lost to it. */
export function concurrentEditCounts(items: readonly MemoryItem[]): Map<string, number> {
  const byId = new Map(items.map((i) => [i.id, i]))
  const counts = new Map<string, number>()
  for (const item of items) {
    const winner = item.supersededBy === null ? undefined : byId.get(item.supersededBy)
    if (winner && lostTo(item, winner)) counts.set(winner.id, (counts.get(winner.id) ?? 0) + 1)
  }
  return counts
}

/**
 * Every version of the item `id`: the versions it replaced, the versions that replaced it, and
 * versions from another device that lost to one of them, newest edit first. Links are followed
 * both ways (`supersedes`, `supersededBy`), so a version that lost a concurrent edit is in the
 * winner's history and the winner is in the loser's.
 */
export function versionsOf(items: readonly MemoryItem[], id: string): MemoryItem[] {
  const byId = new Map(items.map((i) => [i.id, i]))
  const pointingAt = new Map<string, string[]>()
  const link = (from: string, to: string | null): void => {
    if (to === null || !byId.has(to)) return
    const list = pointingAt.get(to)
    if (list) list.push(from)
    else pointingAt.set(to, [from])
  }
  for (const item of items) {
    link(item.id, item.supersedes)
    link(item.id, item.supersededBy)
  }
  const start = byId.get(id)
  if (!start) return []
  const found = new Map<string, MemoryItem>([[start.id, start]])
  const queue = [start]
  while (queue.length > 0 && found.size < 10_000) {
    const item = queue.pop()!
    const next = [item.supersedes, item.supersededBy, ...(pointingAt.get(item.id) ?? [])]
    for (const nid of next) {
      if (nid === null || found.has(nid)) continue
      const n = byId.get(nid)
      if (!n) continue
      found.set(nid, n)
      queue.push(n)
    }
  }
  return [...found.values()].sort((a, b) => laterEdit(b, a))
}
