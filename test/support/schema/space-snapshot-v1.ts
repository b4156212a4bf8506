import { z } from 'zod'
import { IsoDate } from '../../../shared/schema/iso-date'

/**
 * How a v1 build laid out a whole space — FROZEN. Written down after v1 shipped (v1.ts itself is never
 * edited). v1 had no conversation list and no per-conversation meta: a conversation existed by having
 * a document with messages.
 */
export const SpaceSnapshotV1 = z.looseObject({
  meta: z.looseObject({
    schemaVersion: z.literal(1),
    id: z.string(),
    name: z.string().optional(),
    createdAt: IsoDate,
  }),
  memory: z.record(z.string(), z.unknown()),
  conversationDocs: z.record(z.string(), z.looseObject({ messages: z.array(z.unknown()) })),
})
export type SpaceSnapshotV1 = z.infer<typeof SpaceSnapshotV1>
