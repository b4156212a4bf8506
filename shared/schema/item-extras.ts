import { z } from 'zod'
import { IsoDate } from './iso-date'

/**
 * Optional fields that understanding adds to a memory item. Schema v2 items are open records, so
 * these ride along in v2 and older builds carry them verbatim; absent means "not known", never
 * "false". Every reader goes through `itemExtras`, which validates them.
 */
export const ItemExtras = z.object({
  /** What the item is about when one value holds at a time ("employer", "timezone", "sister job"). */
  subject: z.string().min(1).max(200).optional(),
  /** The value that holds for the subject ("Acme Corp"), for "was X" in replies. */
  value: z.string().max(500).optional(),
  /** A deadline or date the item names. */
  due: IsoDate.optional(),
  /** A recurring schedule in words ("every weekday at 9:30"). */
  schedule: z.string().min(1).max(200).optional(),
  /** For a task: a note on why it is blocked ("waiting for legal"). */
  blockedBy: z.string().max(500).optional(),
})
export type ItemExtras = z.infer<typeof ItemExtras>

const KEYS = ['subject', 'value', 'due', 'schedule', 'blockedBy'] as const

/**
 * The understanding fields of a stored item. A field that fails validation (written by hand, or by
 * a damaged build) is reported in `invalid` and not used; the item itself stays readable.
 */
export function itemExtras(item: object): { extras: ItemExtras; invalid: string[] } {
  const record = item as Record<string, unknown>
  const extras: ItemExtras = {}
  const invalid: string[] = []
  for (const key of KEYS) {
    if (record[key] === undefined || record[key] === null) continue
    const parsed = ItemExtras.shape[key].safeParse(record[key])
    if (parsed.success) (extras as Record<string, unknown>)[key] = parsed.data
    else invalid.push(key)
  }
  return { extras, invalid }
}
