import type * as Y from 'yjs'
import { CURRENT_SCHEMA_VERSION, DocMeta } from '../schema/current'
import { check } from '../validation'
import { metaMap } from './layout'
import type { Unreadable } from './unreadable'

/** The schema version a document's meta says wrote it, or null when it has none. */
export function docSchemaVersion(doc: Y.Doc): number | null {
  const version = metaMap(doc).get('schemaVersion')
  return typeof version === 'number' ? version : null
}

/** A text field of a document's meta, or null when it is missing or not text. */
export function metaText(doc: Y.Doc, key: 'id' | 'name' | 'createdAt'): string | null {
  const value = metaMap(doc).get(key)
  return typeof value === 'string' ? value : null
}

/** Sets the space document's meta, every field (a space built from a session file). */
export function writeSpaceMeta(
  doc: Y.Doc,
  space: { id: string; name: string; createdAt: string },
): void {
  const meta = metaMap(doc)
  doc.transact(() => {
    meta.set('schemaVersion', CURRENT_SCHEMA_VERSION)
    meta.set('kind', 'space')
    meta.set('id', space.id)
    meta.set('name', space.name)
    meta.set('createdAt', space.createdAt)
  })
}

/**
 * Marks the space document as written by this schema; keys already there are kept. A `name` of
 * null (a space joined from another device, its content still on the way) leaves the name to
 * arrive with that content: writing a stand-in would compete with the real one when it lands.
 */
export function claimSpaceMeta(
  doc: Y.Doc,
  space: { id: string; name: string | null; now: Date },
): void {
  const meta = metaMap(doc)
  doc.transact(() => {
    meta.set('schemaVersion', CURRENT_SCHEMA_VERSION)
    meta.set('kind', 'space')
    if (!meta.has('id')) meta.set('id', space.id)
    if (space.name !== null && !meta.has('name')) meta.set('name', space.name)
    if (!meta.has('createdAt')) meta.set('createdAt', space.now.toISOString())
  })
}

/**
 * Marks a conversation document as written by this schema (from its first message on); keys
 * already there are kept.
 */
export function claimConversationMeta(doc: Y.Doc, conversationId: string, createdAt: string): void {
  const meta = metaMap(doc)
  doc.transact(() => {
    meta.set('schemaVersion', CURRENT_SCHEMA_VERSION)
    meta.set('kind', 'conversation')
    if (!meta.has('id')) meta.set('id', conversationId)
    if (!meta.has('createdAt')) meta.set('createdAt', createdAt)
  })
}

/** The meta of document `docId` as a quarantine record when it is there but does not validate (an empty meta is a new document). */
export function unreadableMeta(docId: string, doc: Y.Doc): Unreadable | null {
  const meta = metaMap(doc)
  if (meta.size === 0) return null
  const raw = meta.toJSON()
  const parsed = check(DocMeta, raw)
  if (parsed.ok) return null
  return {
    origin: 'meta',
    recordId: docId,
    raw,
    path: parsed.error.path ?? '(root)',
    reason: parsed.error.message,
  }
}
