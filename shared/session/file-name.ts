import { EXTENSIONS, type SessionEncoding } from './codec'

/** Characters some file system refuses in a name; control characters are refused too. */
const UNSAFE = new Set('\\/:*?"<>|')

const safeChar = (c: string): string => (c.charCodeAt(0) < 0x20 || UNSAFE.has(c) ? ' ' : c)

/**
 * The suggested name of an export: `<space or conversation>-<date>.keepsake[.json]`.
 * @example exportFileName('My memory', new Date('2026-03-11T10:00:00Z'), 'json') === 'My memory-2026-03-11.keepsake.json'
 */
export function exportFileName(label: string, at: Date, encoding: SessionEncoding): string {
  const safe =
    [...label].map(safeChar).join('').replace(/\s+/g, ' ').trim().slice(0, 80) || 'keepsake'
  return `${safe}-${at.toISOString().slice(0, 10)}${EXTENSIONS[encoding]}`
}

/** The encoding a file name asks for, from its ending; null when it names neither. */
export function encodingOfName(name: string): SessionEncoding | null {
  const lower = name.toLowerCase()
  if (lower.endsWith('.json')) return 'json'
  if (lower.endsWith('.keepsake') || lower.endsWith('.msgpack')) return 'msgpack'
  return null
}
