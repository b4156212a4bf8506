import { z } from 'zod'
import type { RowCursor } from '../docs/message-rows-after'

/**
 * How far a saved search index has read the read model: its row cursor, and the rows it read and
 * left out on purpose (tool steps, messages this build cannot read). With both, an index accounts
 * for every message row, so a count tells whether it is complete. Saved as the index's watermark.
 */
export interface Checkpoint {
  cursor: RowCursor
  skipped: Set<string>
}

const Stored = z.object({
  cursor: z.number().int().nonnegative(),
  skipped: z.array(z.string()),
})

export const encodeCheckpoint = (c: Checkpoint): string =>
  JSON.stringify({ cursor: c.cursor, skipped: [...c.skipped] })

/**
 * Reads a saved watermark. Builds before this one saved a bare sequence number and no skipped rows
 * (their index may have gaps; the count check finds them). Null when it cannot be read: rebuild.
 */
export function decodeCheckpoint(mark: string | null): Checkpoint | null {
  if (mark === null) return null
  if (/^\d+$/.test(mark)) return { cursor: Number(mark), skipped: new Set() }
  let raw: unknown
  try {
    raw = JSON.parse(mark)
  } catch {
    return null
  }
  const parsed = Stored.safeParse(raw)
  return parsed.success
    ? { cursor: parsed.data.cursor, skipped: new Set(parsed.data.skipped) }
    : null
}
