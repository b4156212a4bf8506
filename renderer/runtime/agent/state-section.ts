import type { MemoryItemView } from '../../../shared/contract/models'
import { takeWhileFits, tokensOf } from './tokens'
import { compareIso } from '../../../shared/iso-order'

/** The state the model reads, as two sections: fresh items, and stale ones kept apart. */
export interface StateText {
  state: string
  unverified: string
  /** Items left out because their section was over its token limit. */
  omitted: number
}

/** Token limits for the two sections; `Infinity` lists everything. */
export interface StateLimits {
  state: number
  unverified: number
}

const UNLIMITED: StateLimits = { state: Infinity, unverified: Infinity }

const day = (iso: string): string => iso.slice(0, 10)

/** Headings in the order the model reads them; a kind's items are listed newest-confirmed first. */
const GROUPS = [
  { kind: 'preference', title: 'Preferences', noun: 'preferences' },
  { kind: 'fact', title: 'Confirmed facts', noun: 'facts' },
  { kind: 'task', title: 'Active tasks', noun: 'tasks' },
  { kind: 'issue', title: 'Unresolved issues', noun: 'issues' },
] as const

/**
 * Which kinds win when a section is over its limit: preferences shape every answer, open tasks
 * and issues are what the user is in the middle of, facts are the most numerous and the easiest
 * to find again with `search_memory`.
 */
const PRIORITY = ['preference', 'task', 'issue', 'fact'] as const

function line(m: MemoryItemView): string {
  const i = m.item
  const extra =
    i.kind === 'task'
      ? ` [${i.taskStatus}${i.lastAction ? `; last action: ${i.lastAction}` : ''}]`
      : ''
  return `- ${i.text}${extra} (confirmed ${day(i.confirmedAt)}, id ${i.id})`
}

const isOpen = (m: MemoryItemView): boolean =>
  m.item.status === 'active' &&
  !(m.item.kind === 'task' && m.item.taskStatus === 'done') &&
  !(m.item.kind === 'issue' && m.item.resolvedAt !== null)

const newestFirst = (a: MemoryItemView, b: MemoryItemView): number =>
  compareIso(b.item.confirmedAt, a.item.confirmedAt)

/** A line's share of a section: its tokens and its newline. */
const lineTokens = (m: MemoryItemView): number => tokensOf(line(m)) + 1

/**
 * Keeps the lines that fit in `room` tokens, taking kinds in `PRIORITY` order and each kind's
 * newest first; returns the kept items per kind and how many of each were left out.
 */
function fit(
  items: MemoryItemView[],
  room: number,
): { kept: Map<string, MemoryItemView[]>; left: Map<string, number> } {
  const kept = new Map<string, MemoryItemView[]>()
  const left = new Map<string, number>()
  let rest = room
  for (const kind of PRIORITY) {
    const ofKind = items.filter((m) => m.item.kind === kind).sort(newestFirst)
    const taken = takeWhileFits(ofKind, rest, lineTokens)
    kept.set(kind, taken.kept)
    if (taken.kept.length < ofKind.length) left.set(kind, ofKind.length - taken.kept.length)
    rest -= taken.used
  }
  return { kept, left }
}

/** "… and 412 more facts not listed; search memory to find them." */
function moreLine(left: Map<string, number>): string {
  const parts = GROUPS.flatMap((g) => {
    const n = left.get(g.kind) ?? 0
    return n === 0 ? [] : [`${n} more ${n === 1 ? g.noun.replace(/s$/, '') : g.noun}`]
  })
  return parts.length === 0
    ? ''
    : `(${parts.join(', ')} not listed here; use search_memory to look them up.)\n`
}

/** Fresh, open items grouped by kind under a heading, as many as fit in `limit`. */
function stateSection(fresh: MemoryItemView[], limit: number): { text: string; omitted: number } {
  const heading = 'What you know about the user:'
  // Room for the heading, the group titles and the "more" line.
  const { kept, left } = fit(fresh, limit - tokensOf(heading) - 40)
  const body = GROUPS.map((g) => {
    const items = kept.get(g.kind) ?? []
    return items.length === 0 ? '' : `${g.title}:\n${items.map(line).join('\n')}\n`
  }).join('')
  const more = moreLine(left)
  const omitted = [...left.values()].reduce((a, b) => a + b, 0)
  return body === '' && more === ''
    ? { text: '', omitted }
    : { text: `${heading}\n${body}${more}`, omitted }
}

/** Stale items, newest first, as many as fit in `limit`. */
function unverifiedSection(
  stale: MemoryItemView[],
  limit: number,
): { text: string; omitted: number } {
  if (stale.length === 0) return { text: '', omitted: 0 }
  const heading = 'Unverified — confirm before acting:'
  const { kept } = takeWhileFits(
    [...stale].sort(newestFirst),
    limit - tokensOf(heading) - 20,
    lineTokens,
  )
  const lines = kept.map(line)
  const omitted = stale.length - lines.length
  const more = omitted === 0 ? '' : `\n(${omitted} more unverified items not listed.)`
  return { text: `${heading}\n${lines.join('\n')}${more}\n`, omitted }
}

/**
 * The structured state as the model reads it: fresh items by kind, and stale items apart as
 * unverified. With limits, each section keeps what fits (see `PRIORITY`) and says how many it
 * left out, so a space with thousands of facts still gets its preferences and open tasks into a
 * small window instead of losing the whole section.
 */
export function describeState(
  memory: MemoryItemView[],
  limits: StateLimits = UNLIMITED,
): StateText {
  const open = memory.filter(isOpen)
  const state = stateSection(
    open.filter((m) => m.freshness === 'fresh'),
    limits.state,
  )
  const unverified = unverifiedSection(
    open.filter((m) => m.freshness === 'needs-reverify'),
    limits.unverified,
  )
  return {
    state: state.text,
    unverified: unverified.text,
    omitted: state.omitted + unverified.omitted,
  }
}
