/** Ids that are safe to keep as they are: what a transcript or export usually uses. */
const PLAIN_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** FNV-1a, 32 bits, as 8 hex digits: a short stable fingerprint (not a security hash). */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

/**
 * An id for something an import names by `label` (an id or a title): the label itself when it is
 * a plain id, otherwise `<prefix>-<fingerprint>`. The same label always gives the same id, so
 * importing the same transcript twice merges instead of duplicating.
 */
export function stableId(prefix: string, label: string): string {
  return PLAIN_ID.test(label) ? label : `${prefix}-${fingerprint(label)}`
}
