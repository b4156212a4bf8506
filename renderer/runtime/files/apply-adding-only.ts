import * as Y from 'yjs'
import { MEMORY_MAP, META_MAP } from '../../../shared/docs'

/** What a file's Yjs state would remove from a document here, by what a person would recognise. */
export interface Removals {
  memory: string[]
  messages: number
  other: number
}

const quote = (text: string): string => `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`

const textOf = (value: unknown): string | null =>
  typeof value === 'object' && value !== null && 'text' in value && typeof value.text === 'string'
    ? value.text
    : null

/**
 * Applies `update` (a file's Yjs state) to `doc` and reports everything present before that the
 * update deleted or overwrote: a Yjs update can carry deletions of items it never created, and a
 * map write from a higher client id replaces the value here. Meta entries are not counted (the caller
 * restores its own). Null when the update only added.
 * @example const removed = applyAddingOnly(scratch, file.yjs.space); if (removed) refuse(removed)
 */
export function applyAddingOnly(doc: Y.Doc, update: Uint8Array): Removals | null {
  const before = Y.encodeStateVector(doc)
  const known = Y.decodeStateVector(before)
  const meta = doc.getMap(META_MAP)
  const memory = doc.getMap(MEMORY_MAP)
  const removals: Removals = { memory: [], messages: 0, other: 0 }
  const watch = (transaction: Y.Transaction): void => {
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
      // Only what this document had before the update counts; the file may delete its own items.
      if (struct.id.clock >= (known.get(struct.id.client) ?? 0)) return
      if (!(struct instanceof Y.Item)) return
      if (struct.parent === meta) return
      const values = struct.content.getContent()
      if (struct.parent === memory) {
        const text = values.map(textOf).find((t) => t !== null)
        removals.memory.push(text ? quote(text) : (struct.parentSub ?? 'an item'))
      } else if (struct.parent instanceof Y.Array) {
        removals.messages += values.length
      } else {
        removals.other += Math.max(1, values.length)
      }
    })
  }
  doc.on('afterTransaction', watch)
  try {
    Y.applyUpdate(doc, update)
  } finally {
    doc.off('afterTransaction', watch)
  }
  const any = removals.memory.length + removals.messages + removals.other > 0
  return any ? removals : null
}

/** One sentence naming what a refused merge would have removed. */
export function describeRemovals(removals: Removals, where: string): string {
  const parts: string[] = []
  if (removals.memory.length > 0) {
    const shown = removals.memory.slice(0, 3).join(', ')
    const more = removals.memory.length > 3 ? ` and ${removals.memory.length - 3} more` : ''
    parts.push(`memory ${shown}${more}`)
  }
  if (removals.messages > 0) parts.push(`${removals.messages} message(s)`)
  if (removals.other > 0) parts.push(`${removals.other} other record(s)`)
  return `${where}: ${parts.join('; ')}`
}
