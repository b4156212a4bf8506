import { err, ok, type Result } from '../../../shared/errors'
import type { MemoryKind } from '../../../shared/schema/current'
import type { OrderEntry, SpaceView } from './space-view'

/**
 * The memory of a stored space view, parsed only as far as it is read: one record (a first prompt
 * takes the few its state section lists), the open items' order, or every entry (the memory
 * panel). A record is parsed once, so every reader gets the same object (and `readRecord`'s cache
 * checks it once). What cannot be read is an error naming it: the caller reads the document instead.
 */
export interface ViewMemory {
  /** Every `[id, record]` as the document held it. */
  entries(): Result<[string, unknown][]>
  /** The record stored under `id`; undefined when the view holds no such id. */
  record(id: string): Result<unknown> | undefined
  /** The open items in the state section's order (see `StoredSpaceView`). */
  order(): Result<OrderEntry[]>
}

/** Every kind, so a new one fails to compile here until it is listed. */
const KINDS: Record<MemoryKind, true> = { preference: true, fact: true, task: true, issue: true }

const problem = (text: string, path: string): Result<never> =>
  err('validation', `the stored space view's ${text}`, path)

/** The memory of `view`, read lazily (see `ViewMemory`). */
export function viewMemory(view: SpaceView): ViewMemory {
  const parsed: unknown[] = []
  let indexOf: Map<string, number> | null = null
  let all: Result<[string, unknown][]> | null = null
  let order: Result<OrderEntry[]> | null = null

  const at = (i: number): Result<unknown> => {
    if (i in parsed) return ok(parsed[i])
    try {
      parsed[i] = JSON.parse(view.memory[i] ?? '')
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e)
      return problem(`memory record ${view.memoryIds[i]} is not JSON: ${reason}`, `memory[${i}]`)
    }
    return ok(parsed[i])
  }
  const index = (): Map<string, number> => {
    indexOf ??= new Map(view.memoryIds.map((id, i) => [id, i]))
    return indexOf
  }

  return {
    entries() {
      if (all) return all
      if (index().size !== view.memoryIds.length) {
        all = problem('memory holds an id twice', 'memoryIds')
        return all
      }
      const out: [string, unknown][] = []
      for (const [i, id] of view.memoryIds.entries()) {
        const record = at(i)
        if (!record.ok) return (all = record)
        out.push([id, record.value])
      }
      all = ok(out)
      return all
    },
    record(id) {
      const i = index().get(id)
      return i === undefined ? undefined : at(i)
    },
    order() {
      order ??= readOrder(view.order)
      return order
    },
  }
}

/** Parses and checks the order: a list of [id, kind, ISO time]. Checked with a loop: 10,000 entries. */
function readOrder(json: string): Result<OrderEntry[]> {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return problem(`order is not JSON: ${reason}`, 'order')
  }
  if (!Array.isArray(raw)) return problem('order is not a list', 'order')
  for (const [i, entry] of (raw as unknown[]).entries()) {
    if (
      !Array.isArray(entry) ||
      entry.length !== 3 ||
      typeof entry[0] !== 'string' ||
      typeof entry[1] !== 'string' ||
      !Object.hasOwn(KINDS, entry[1]) ||
      typeof entry[2] !== 'string' ||
      Number.isNaN(Date.parse(entry[2]))
    )
      return problem(`order entry ${i} is not [id, kind, time]`, `order[${i}]`)
  }
  return ok(raw as OrderEntry[])
}
