import { z } from 'zod'
import type { Result } from '../../../shared/errors'

/**
 * What a device took in from the relay, kept between runs so a start does not take it in again:
 * the items whose updates it applied and stored (item id → document id), and the documents the relay
 * was found to hold all of, each at the stored position it had then (`position`, as the target gives
 * it) with the items that held it. Kept per relay and room, so pairing elsewhere starts afresh.
 * Only ever an optimisation: an item missing here is taken in again, a document whose position or
 * items moved is compared again.
 */
export const TakenMark = z.object({
  v: z.literal(1),
  relayUrl: z.string(),
  documentName: z.string(),
  items: z.record(z.string(), z.string()),
  docs: z.record(z.string(), z.object({ position: z.string(), items: z.array(z.string()) })),
})
export type TakenMark = z.infer<typeof TakenMark>

/** Where a device keeps its mark between runs (the runtime: a kv row of the space). */
export interface TakenStore {
  load(): Promise<Result<TakenMark | null>>
  save(mark: TakenMark): Promise<Result<void>>
}
