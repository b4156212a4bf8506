import type { MemoryItem, Message } from '../schema/current'
import { CURRENT_SCHEMA_VERSION } from '../schema/current'
import { toBase64Chunks } from './base64'
import { CURRENT_FORMAT_VERSION, FORMAT_V1, SESSION_FORMAT } from './current'

/** One conversation of a session: its entry, its full log (current schema) and its Yjs state. */
export interface SessionConversation {
  id: string
  title: string
  createdAt: string
  updatedAt: string
  deletedAt: string | null
  messages: Message[]
  /** The conversation document's Yjs state, or null (files made by importers). */
  yjs: Uint8Array | null
  /**
   * Its segments, in order, when its messages are in segments too (format v2): `messages` lists the
   * conversation document's messages first, then each segment's `count`.
   */
  segments?: SessionSegment[]
}

/** One segment of a conversation in a session: its number, how many messages, its Yjs state. */
export interface SessionSegment {
  n: number
  count: number
  yjs: Uint8Array
}

export interface SessionQuarantined {
  origin: string
  recordId: string
  raw: string
  path: string
  reason: string
  at: string
}

/**
 * A session as this build uses it: validated, every record migrated to the current schema. Made by
 * `loadSession` (from a file) or by an export or an importer; written by `encodeSession`.
 */
export interface SessionData {
  exportedAt: string
  app: { name: string; version: string }
  scope: 'space' | 'conversation'
  space: { id: string; name: string; createdAt: string }
  memory: MemoryItem[]
  quarantine: SessionQuarantined[]
  conversations: SessionConversation[]
  /** The space document's Yjs state, or null (one-conversation exports and importer output). */
  yjs: { space: Uint8Array } | null
}

/**
 * The envelope as written: current format and schema versions, fields in reading order. For JSON,
 * byte arrays become arrays of base64 strings; for msgpack they stay bytes, and records are cleaned
 * the way JSON would clean them (`jsonData`), so both encodings carry the same data.
 */
export function toEnvelopeValue(
  data: SessionData,
  encoding: 'json' | 'msgpack' = 'msgpack',
): Record<string, unknown> {
  const json = encoding === 'json'
  const bytes = (b: Uint8Array): unknown => (json ? toBase64Chunks(b) : b)
  // JSON.stringify already drops undefined keys; msgpack would keep them.
  const record = json ? (r: unknown) => r : jsonData
  return {
    format: SESSION_FORMAT,
    // The oldest format that holds it: a file without segments stays readable by older builds.
    formatVersion: data.conversations.some((c) => (c.segments?.length ?? 0) > 0)
      ? CURRENT_FORMAT_VERSION
      : FORMAT_V1,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    exportedAt: data.exportedAt,
    app: { name: data.app.name, version: data.app.version },
    scope: data.scope,
    space: { id: data.space.id, name: data.space.name, createdAt: data.space.createdAt },
    memory: data.memory.map(record),
    quarantine: data.quarantine.map((q) => ({ ...q })),
    conversations: data.conversations.map((c) => ({
      id: c.id,
      title: c.title,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      deletedAt: c.deletedAt,
      messages: c.messages.map(record),
      yjs: c.yjs ? bytes(c.yjs) : null,
      ...(c.segments && c.segments.length > 0
        ? { segments: c.segments.map((s) => ({ n: s.n, count: s.count, yjs: bytes(s.yjs) })) }
        : {}),
    })),
    yjs: data.yjs ? { space: bytes(data.yjs.space) } : null,
  }
}

/**
 * `value` as JSON would carry it: object keys whose value is undefined are left out and undefined
 * array items become null, so the JSON and msgpack encodings of one session decode to the same data.
 * What has no undefined anywhere is returned as it is rather than copied (a big session would
 * otherwise be held twice while it is encoded), so the result must not be changed.
 */
export function jsonData(value: unknown): unknown {
  if (value === undefined) return null
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      const carried = jsonData(item)
      if (copy === null && carried !== item) copy = value.slice(0, i)
      copy?.push(carried)
    }
    return copy ?? value
  }
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
  let copy: Record<string, unknown> | null = null
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string
    const item = record[key]
    const carried = item === undefined ? undefined : jsonData(item)
    if (copy === null && (item === undefined || carried !== item)) {
      copy = {}
      for (const k of keys.slice(0, i)) copy[k] = record[k]
    }
    if (copy !== null && carried !== undefined) copy[key] = carried
  }
  return copy ?? value
}
