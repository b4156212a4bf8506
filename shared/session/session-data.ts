import type { MemoryItem, Message } from '../schema/current'
import { CURRENT_SCHEMA_VERSION } from '../schema/current'
import { toBase64Chunks } from './base64'
import { CURRENT_FORMAT_VERSION, SESSION_FORMAT } from './current'

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
    formatVersion: CURRENT_FORMAT_VERSION,
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
    })),
    yjs: data.yjs ? { space: bytes(data.yjs.space) } : null,
  }
}

/**
 * `value` as JSON would carry it: object keys whose value is undefined are left out and undefined
 * array items become null, so the JSON and msgpack encodings of one session decode to the same data.
 */
export function jsonData(value: unknown): unknown {
  if (value === undefined) return null
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value
  if (Array.isArray(value)) return value.map(jsonData)
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = jsonData(v)
  return out
}
