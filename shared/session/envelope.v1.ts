import { z } from 'zod'
import { IsoDate } from '../schema/iso-date'
import { BytesField } from './bytes-field'

/**
 * Session file format version 1 — FROZEN once released: never edit this file. A change is a new
 * `envelope.v2.ts` plus a step in `migrate-envelope.ts`, a frozen fixture, and a test.
 *
 * The envelope frames the content; the records inside (`memory[i]`, `messages[j]`) are left
 * `unknown` here because each carries its own `schemaVersion` and is read through the memory
 * model's migration chain (`shared/schema/migrate.ts`).
 */
export const SESSION_FORMAT = 'keepsake-session'
export const FORMAT_V1 = 1 as const

export const SessionSpaceV1 = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  createdAt: IsoDate,
})

/** A record that failed validation where it was stored: kept verbatim (as JSON text) with why. */
export const QuarantinedV1 = z.strictObject({
  origin: z.string(),
  recordId: z.string(),
  raw: z.string(),
  path: z.string(),
  reason: z.string(),
  at: IsoDate,
})

export const SessionConversationV1 = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  deletedAt: IsoDate.nullable(),
  /** The full log, in the order it was appended. Each is a message record of any schema version. */
  messages: z.array(z.unknown()),
  /** The conversation document's Yjs state; absent in files made by importers. */
  yjs: BytesField.nullish(),
})

export const SessionEnvelopeV1 = z.strictObject({
  format: z.literal(SESSION_FORMAT),
  formatVersion: z.literal(FORMAT_V1),
  /** The memory-model schema version the exporting build wrote (`shared/schema`). */
  schemaVersion: z.number().int().positive(),
  exportedAt: IsoDate,
  app: z.strictObject({ name: z.string(), version: z.string() }),
  /** A whole space, or one conversation with the memory items that came from it. */
  scope: z.enum(['space', 'conversation']),
  space: SessionSpaceV1,
  /** Every memory item, superseded and retracted history included. Records of any schema version. */
  memory: z.array(z.unknown()),
  quarantine: z.array(QuarantinedV1).default([]),
  conversations: z.array(SessionConversationV1),
  /** The space document's Yjs state (whole-space exports only). */
  yjs: z.strictObject({ space: BytesField }).nullish(),
})
export type SessionEnvelopeV1 = z.output<typeof SessionEnvelopeV1>
