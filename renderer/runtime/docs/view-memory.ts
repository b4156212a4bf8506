import { err, ok, type Result } from '../../../shared/errors'
import type { MemoryKind } from '../../../shared/schema/current'
import type { MemoryOrder } from '../memory/state-source'
import { KIND_LETTERS, type StoredViewMemory } from './space-view'

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
  /** The open items in the state section's order (see `StoredViewMemory`). */
  order(): Result<MemoryOrder>
}

/** Each letter of a stored order's kinds, and the kind it stands for. */
const KIND_OF = new Map(
  Object.entries(KIND_LETTERS).map(([kind, letter]) => [letter, kind as MemoryKind]),
)

const problem = (text: string, path: string): Result<never> =>
  err('validation', `the stored space view's ${text}`, path)

/** The memory of a stored view, read lazily (see `ViewMemory`). */
export function viewMemory(view: StoredViewMemory): ViewMemory {
  const parsed: unknown[] = []
  let indexOf: Map<string, number> | null = null
  let all: Result<[string, unknown][]> | null = null
  let order: Result<MemoryOrder> | null = null

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

/** Checks a stored order (see `ViewOrder`): columns of one length, known kinds, times as numbers. */
function readOrder(value: unknown): Result<MemoryOrder> {
  const { ids, kinds, times } = (value ?? {}) as Record<string, unknown>
  if (!Array.isArray(ids) || typeof kinds !== 'string' || !(times instanceof Float64Array))
    return problem('order is not columns of ids, kinds and times', 'order')
  if (kinds.length !== ids.length || times.length !== ids.length)
    return problem('order has columns of different lengths', 'order')
  const kindOf: MemoryKind[] = new Array<MemoryKind>(ids.length)
  for (let i = 0; i < ids.length; i++) {
    const kind = KIND_OF.get(kinds[i] ?? '')
    if (typeof ids[i] !== 'string' || kind === undefined || !Number.isFinite(times[i]))
      return problem(`order entry ${i} is not an id, a kind and a time`, `order[${i}]`)
    kindOf[i] = kind
  }
  return ok({ ids: ids as string[], kinds: kindOf, times })
}
