import { z } from 'zod'
import { IsoDate } from './iso-date'

/**
 * Schema version 1 — FROZEN. Released with the first build; never edit this file.
 * A change is a new version plus a migration in `migrate.ts`.
 */
export const SCHEMA_V1 = 1 as const

export const FactV1 = z.looseObject({
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  kind: z.literal('fact'),
  text: z.string(),
  confirmedAt: IsoDate,
  sourceMessageId: z.string(),
})

export const PreferenceV1 = z.looseObject({
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  kind: z.literal('preference'),
  key: z.string(),
  value: z.string(),
  confirmedAt: IsoDate,
  sourceMessageId: z.string(),
})

export const TaskV1 = z.looseObject({
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  kind: z.literal('task'),
  description: z.string(),
  status: z.enum(['in_progress', 'done']),
  lastAction: z.string(),
  updatedAt: IsoDate,
})

export const IssueV1 = z.looseObject({
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  kind: z.literal('issue'),
  text: z.string(),
  openedAt: IsoDate,
})

export const MemoryItemV1 = z.discriminatedUnion('kind', [FactV1, PreferenceV1, TaskV1, IssueV1])
export type MemoryItemV1 = z.infer<typeof MemoryItemV1>

export const MessageV1 = z.looseObject({
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  role: z.enum(['user', 'assistant', 'system']),
  text: z.string(),
  createdAt: IsoDate,
  deviceId: z.string(),
})
export type MessageV1 = z.infer<typeof MessageV1>
