/*
 * Migrates a whole-space snapshot (the JSON shape of schema v1 and v2 spaces) to the current
 * version. Only the schema tests use it: the app migrates record by record (shared/docs readRecord)
 * and session files through their envelope chain.
 */
import { z } from 'zod'
import type { Unreadable } from '../../../shared/docs'
import { err, ok, type Result } from '../../../shared/errors'
import { check } from '../../../shared/validation'
import { CURRENT_SCHEMA_VERSION } from '../../../shared/schema/current'
import { IsoDate } from '../../../shared/schema/iso-date'
import {
  loadConversationEntry,
  loadMemoryItem,
  loadMessage,
  protoKeyPath,
  type Loaded,
} from '../../../shared/schema/migrate'
import { SpaceSnapshotV1 } from './space-snapshot-v1'
import {
  SpaceSnapshotV2,
  type DocMetaV2,
  type ConversationEntryV2,
  type StoredConversationV2,
} from '../../../shared/schema/v2'

/** A record that failed validation after migration: the one quarantine record of shared/docs. */
export type UnreadableRecord = Unreadable

/** A record written by a newer Keepsake: carried verbatim, not used. */
export interface FutureRecord {
  origin: string
  recordId: string
  schemaVersion: number
}

/** A whole space brought to the current version. */
export type MigratedSpace =
  | {
      type: 'current'
      /**
       * The space at the current layout. Every readable record is migrated to the current version;
       * unreadable and newer records are carried verbatim, so writing this back loses nothing.
       */
      snapshot: SpaceSnapshotV2
      /** The layout version the input had, or null if it was already current. */
      migratedFrom: number | null
      unreadable: UnreadableRecord[]
      future: FutureRecord[]
    }
  /** The space was laid out by a newer Keepsake; nothing was changed. */
  | { type: 'future'; schemaVersion: number; raw: unknown }

const TITLE_MAX = 60

const titleOf = (text: string): string => {
  const line = text.trim().split('\n')[0] ?? ''
  return line.length > TITLE_MAX ? `${line.slice(0, TITLE_MAX - 3)}…` : line || 'New conversation'
}

const looseMessage = z.looseObject({ role: z.string(), text: z.string(), createdAt: IsoDate })

/**
 * v1 → v2 layout: adds the conversation list (one entry per conversation document, titled by its
 * first user message) and a meta map to every conversation document. Pure; records are untouched here
 * because each record migrates on its own.
 */
export function migrateSpaceLayoutV1toV2(space: SpaceSnapshotV1): SpaceSnapshotV2 {
  const conversations: Record<string, ConversationEntryV2> = {}
  const conversationDocs: Record<string, StoredConversationV2> = {}
  for (const [id, stored] of Object.entries(space.conversationDocs)) {
    const messages = stored.messages.flatMap((m) => {
      const parsed = looseMessage.safeParse(m)
      return parsed.success ? [parsed.data] : []
    })
    const createdAt = messages[0]?.createdAt ?? space.meta.createdAt
    const firstUser = messages.find((m) => m.role === 'user')
    conversations[id] = {
      schemaVersion: 2,
      id,
      title: firstUser ? titleOf(firstUser.text) : 'New conversation',
      createdAt,
      updatedAt: messages.at(-1)?.createdAt ?? createdAt,
      deletedAt: null,
    }
    conversationDocs[id] = {
      ...stored,
      meta: { schemaVersion: 2, kind: 'conversation', id, createdAt },
    }
  }
  return {
    ...space,
    meta: { ...space.meta, schemaVersion: 2, kind: 'space' },
    conversations,
    conversationDocs,
  }
}

type Step = { from: number; schema: z.ZodType; up: (v: never) => unknown }
const LAYOUT_STEPS: Step[] = [{ from: 1, schema: SpaceSnapshotV1, up: migrateSpaceLayoutV1toV2 }]

const head = z.looseObject({ meta: z.looseObject({ schemaVersion: z.number().int().positive() }) })

/**
 * Brings a whole stored space (a session file's body, a fixture) to the current version: first its
 * layout, then every record through the same loaders the runtime reads with. Call it on import before
 * anything is written. A record that fails is reported in `unreadable` (quarantine it) and kept
 * verbatim; it never fails the whole space. Only a space whose layout itself is broken is an error.
 *
 * @example
 * const r = migrateSpaceSnapshot(JSON.parse(text))
 * if (r.ok && r.value.type === 'current') write(r.value.snapshot), quarantine(r.value.unreadable)
 */
export function migrateSpaceSnapshot(raw: unknown): Result<MigratedSpace> {
  const top = check(head, raw, 'space')
  if (!top.ok) return top
  // Parsing drops a `__proto__` key silently; a record stored under one is reported instead.
  const unreadable: UnreadableRecord[] = protoRecords(raw)
  const from = top.value.meta.schemaVersion
  if (from > CURRENT_SCHEMA_VERSION) return ok({ type: 'future', schemaVersion: from, raw })
  let value: unknown = raw
  for (const step of LAYOUT_STEPS) {
    if (step.from < from) continue
    const parsed = check(step.schema, value, 'space')
    if (!parsed.ok)
      return err(
        'validation',
        `as layout v${step.from}: ${parsed.error.message}`,
        parsed.error.path,
      )
    value = step.up(parsed.value as never)
  }
  const layout = check(SpaceSnapshotV2, value, 'space')
  if (!layout.ok) return layout
  const space = layout.value
  const future: FutureRecord[] = []
  const each = <T>(
    origin: string,
    records: [string, unknown][],
    load: (raw: unknown) => Result<Loaded<T>>,
  ): unknown[] =>
    records.map(([recordId, rec]) => {
      const loaded = load(rec)
      if (!loaded.ok) {
        const path = loaded.error.path ?? '(root)'
        unreadable.push({ origin, recordId, raw: rec, path, reason: loaded.error.message })
        return rec
      }
      if (loaded.value.type === 'future') {
        future.push({ origin, recordId, schemaVersion: loaded.value.schemaVersion })
        return rec
      }
      return loaded.value.value
    })
  const mapOf = <T>(
    origin: string,
    records: Record<string, unknown>,
    load: (raw: unknown) => Result<Loaded<T>>,
  ): Record<string, unknown> => {
    const entries = Object.entries(records)
    const out = each(origin, entries, load)
    return Object.fromEntries(entries.map(([id], i) => [id, out[i]]))
  }
  const conversationDocs: Record<string, StoredConversationV2> = {}
  for (const [id, stored] of Object.entries(space.conversationDocs)) {
    const origin = `conversation:${id}`
    const messages = each(
      origin,
      stored.messages.map((m, i) => [messageIdOf(m) ?? `#${i}`, m] as [string, unknown]),
      loadMessage,
    )
    conversationDocs[id] = { ...stored, meta: stored.meta ?? metaFor(id, space), messages }
  }
  return ok({
    type: 'current',
    snapshot: {
      ...space,
      meta: { ...space.meta, schemaVersion: CURRENT_SCHEMA_VERSION },
      memory: mapOf('memory', space.memory, loadMemoryItem),
      conversations: mapOf('conversations', space.conversations, loadConversationEntry),
      conversationDocs,
    },
    migratedFrom: from === CURRENT_SCHEMA_VERSION ? null : from,
    unreadable,
    future,
  })
}

const messageIdOf = (m: unknown): string | null =>
  typeof m === 'object' && m !== null && 'id' in m && typeof m.id === 'string' ? m.id : null

/** Meta for a conversation document written before documents carried one. */
function metaFor(id: string, space: SpaceSnapshotV2): DocMetaV2 {
  const entry = ConversationCreated.safeParse(space.conversations[id])
  const createdAt = entry.success ? entry.data.createdAt : space.meta.createdAt
  return { schemaVersion: CURRENT_SCHEMA_VERSION, kind: 'conversation', id, createdAt }
}

const ConversationCreated = z.looseObject({ createdAt: IsoDate })

/** Records stored under a `__proto__` key (or documents holding one): reported, since parsing would drop them. */
function protoRecords(raw: unknown): UnreadableRecord[] {
  const out: UnreadableRecord[] = []
  const own = (o: unknown, k: string): boolean =>
    typeof o === 'object' && o !== null && Object.prototype.hasOwnProperty.call(o, k)
  const report = (origin: string, holder: unknown, path: string): void => {
    const rec = (holder as Record<string, unknown>)['__proto__']
    out.push({
      origin,
      recordId: '__proto__',
      raw: rec,
      path,
      reason: `${path}: a key named "__proto__" cannot be kept safely`,
    })
  }
  const space = raw as Record<string, unknown>
  for (const map of ['memory', 'conversations', 'conversationDocs'] as const) {
    if (own(space[map], '__proto__'))
      report(
        map === 'conversationDocs' ? 'conversation:__proto__' : map,
        space[map],
        `space.${map}.__proto__`,
      )
  }
  const docs = space.conversationDocs
  if (typeof docs === 'object' && docs !== null) {
    for (const [id, doc] of Object.entries(docs)) {
      // Messages are checked one by one when they load; this catches the document and its meta.
      const where = protoKeyPath({ ...doc, messages: [] })
      if (where) {
        out.push({
          origin: `conversation:${id}`,
          recordId: id,
          raw: doc,
          path: `space.conversationDocs.${id}.${where.join('.')}`,
          reason: 'a key named "__proto__" cannot be kept safely',
        })
      }
    }
  }
  return out
}
