import { z } from 'zod'
import { IsoDate } from './iso-date'

/**
 * Schema version 2 — typed memory with provenance, validity and status.
 * Once released this file is frozen like v1: a change is v3 plus a migration.
 */
export const SCHEMA_V2 = 2 as const

/** Where an item came from: the message that established it. Null for items a person typed in the memory panel. */
export const SourceV2 = z.looseObject({
  conversationId: z.string().nullable(),
  messageId: z.string(),
})

const itemBase = {
  schemaVersion: z.literal(2),
  id: z.string().min(1),
  /** What a person reads: "prefers pgvector over Pinecone". */
  text: z.string(),
  category: z.string(),
  createdAt: IsoDate,
  confirmedAt: IsoDate,
  source: SourceV2.nullable(),
  validFrom: IsoDate,
  /** Null while the item holds; set when it is superseded or retracted. */
  validTo: IsoDate.nullable(),
  status: z.enum(['active', 'superseded', 'retracted']),
  supersedes: z.string().nullable(),
  supersededBy: z.string().nullable(),
  retractedAt: IsoDate.nullable(),
  retractedBy: z.string().nullable(),
}

export const FactV2 = z.looseObject({ ...itemBase, kind: z.literal('fact') })
export const PreferenceV2 = z.looseObject({
  ...itemBase,
  kind: z.literal('preference'),
  key: z.string(),
  value: z.string(),
})
export const TaskV2 = z.looseObject({
  ...itemBase,
  kind: z.literal('task'),
  taskStatus: z.enum(['in_progress', 'blocked', 'done']),
  lastAction: z.string(),
})
export const IssueV2 = z.looseObject({
  ...itemBase,
  kind: z.literal('issue'),
  resolvedAt: IsoDate.nullable(),
})

export const MemoryItemV2 = z.discriminatedUnion('kind', [FactV2, PreferenceV2, TaskV2, IssueV2])
export type MemoryItemV2 = z.infer<typeof MemoryItemV2>
export type MemoryKindV2 = MemoryItemV2['kind']

export const MessageV2 = z.looseObject({
  schemaVersion: z.literal(2),
  id: z.string().min(1),
  role: z.enum(['user', 'assistant', 'system']),
  text: z.string(),
  createdAt: IsoDate,
  deviceId: z.string(),
  /** Who spoke, when an import names them (e.g. a transcript speaker). */
  speaker: z.string().nullable(),
  /** For an assistant message: the user message it answers. */
  replyTo: z.string().nullable(),
  /** Set when the assistant could not answer; the text then explains why. */
  error: z.looseObject({ code: z.string(), message: z.string() }).nullable(),
})
export type MessageV2 = z.infer<typeof MessageV2>

/** Per-document meta, stored in the `meta` map of every Yjs document. */
export const DocMetaV2 = z.looseObject({
  schemaVersion: z.number().int().positive(),
  kind: z.enum(['space', 'conversation']),
  id: z.string(),
  createdAt: IsoDate,
})
export type DocMetaV2 = z.infer<typeof DocMetaV2>

/** A conversation's entry in the space document's `conversations` map (new in v2). */
export const ConversationEntryV2 = z.looseObject({
  schemaVersion: z.literal(2),
  id: z.string().min(1),
  title: z.string(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  deletedAt: IsoDate.nullable(),
})
export type ConversationEntryV2 = z.infer<typeof ConversationEntryV2>

/** A conversation document as stored, in plain JSON: its meta map (new in v2) and its message list. */
export const StoredConversationV2 = z.looseObject({
  /** Absent only for documents written before meta was added; `migrateSpaceSnapshot` fills it. */
  meta: DocMetaV2.optional(),
  messages: z.array(z.unknown()),
})
export type StoredConversationV2 = z.infer<typeof StoredConversationV2>

/**
 * A whole space as stored, in plain JSON (a session file's body, a frozen test fixture): the maps of
 * the space document and of every conversation document. Each record keeps its own `schemaVersion`
 * and is validated on its own, so one bad record never hides the rest.
 */
export const SpaceSnapshotV2 = z.looseObject({
  meta: DocMetaV2,
  /** Memory item id → stored record (any version). */
  memory: z.record(z.string(), z.unknown()),
  /** Conversation id → stored entry (any version). */
  conversations: z.record(z.string(), z.unknown()),
  /** Conversation id → its document. */
  conversationDocs: z.record(z.string(), StoredConversationV2),
})
export type SpaceSnapshotV2 = z.infer<typeof SpaceSnapshotV2>
