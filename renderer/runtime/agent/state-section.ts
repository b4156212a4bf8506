import type { MemoryItemView } from '../../../shared/contract/models'
import { takeWhileFits, tokensOf } from './tokens'
import { viewsSource, type StateSource } from '../memory/state-source'

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

const isSource = (memory: readonly MemoryItemView[] | StateSource): memory is StateSource =>
  !Array.isArray(memory)

function line(m: MemoryItemView): string {
  const i = m.item
  const extra =
    i.kind === 'task'
      ? ` [${i.taskStatus}${i.lastAction ? `; last action: ${i.lastAction}` : ''}]`
      : ''
  return `- ${i.text}${extra} (confirmed ${day(i.confirmedAt)}, id ${i.id})`
}

/** A line's share of a section: its tokens and its newline. */
const lineTokens = (m: MemoryItemView): number => tokensOf(line(m)) + 1

/**
 * Keeps the fresh lines that fit in `room` tokens, taking kinds in `PRIORITY` order and each
 * kind's newest first; returns the kept items per kind and how many of each were left out.
 */
function fit(
  source: StateSource,
  room: number,
): { kept: Map<string, MemoryItemView[]>; left: Map<string, number> } {
  const kept = new Map<string, MemoryItemView[]>()
  const left = new Map<string, number>()
  let rest = room
  for (const kind of PRIORITY) {
    const taken = takeWhileFits(source.newest('fresh', kind), rest, lineTokens)
    kept.set(kind, taken.kept)
    const all = source.count('fresh', kind)
    if (taken.kept.length < all) left.set(kind, all - taken.kept.length)
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
function stateSection(source: StateSource, limit: number): { text: string; omitted: number } {
  const heading = 'What you know about the user:'
  // Room for the heading, the group titles and the "more" line.
  const { kept, left } = fit(source, limit - tokensOf(heading) - 40)
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

/** Stale open items, newest first, as many as fit in `limit`. */
function unverifiedSection(source: StateSource, limit: number): { text: string; omitted: number } {
  const all = source.count('needs-reverify', null)
  if (all === 0) return { text: '', omitted: 0 }
  const heading = 'Unverified — confirm before acting:'
  const { kept } = takeWhileFits(
    source.newest('needs-reverify', null),
    limit - tokensOf(heading) - 20,
    lineTokens,
  )
  const lines = kept.map(line)
  const omitted = all - lines.length
  const more = omitted === 0 ? '' : `\n(${omitted} more unverified items not listed.)`
  return { text: `${heading}\n${lines.join('\n')}${more}\n`, omitted }
}

/**
 * The structured state as the model reads it: fresh items by kind, and stale items apart as
 * unverified. With limits, each section keeps what fits (see `PRIORITY`) and says how many it
 * left out, so a space with thousands of facts still gets its preferences and open tasks into a
 * small window instead of losing the whole section. `memory` is every item as a view, or a
 * source that reads only the items it is asked for (see `StateSource`).
 */
export function describeState(
  memory: readonly MemoryItemView[] | StateSource,
  limits: StateLimits = UNLIMITED,
): StateText {
  const source = isSource(memory) ? memory : viewsSource(memory)
  const state = stateSection(source, limits.state)
  const unverified = unverifiedSection(source, limits.unverified)
  return {
    state: state.text,
    unverified: unverified.text,
    omitted: state.omitted + unverified.omitted,
  }
}
