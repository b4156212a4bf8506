import type { MemoryItem } from '../../../shared/schema/current'
import type { Capture } from '../understanding/types'

const escaped = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
const wordsOf = (s: string): Set<string> => new Set(s.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [])

/**
 * "the practice is in Musselburgh, not Leith" after "I've started as a receptionist at a vet practice
 * in Leith": a correction that names the old value but restates only part of the old item keeps the
 * rest of it, with the one value swapped — "…at a vet practice in Musselburgh" — instead of losing
 * the job to "the practice is in Musselburgh". Null unless the old text holds the named old value
 * once and the new text brings exactly one capitalised name the old text lacks.
 */
export function swappedValue(old: MemoryItem, c: Capture): string | null {
  const named = c.replaces
  if (!named || named.startsWith('*') || old.kind !== 'fact' || c.kind !== 'fact') return null
  const at = new RegExp(`\\b${escaped(named)}\\b`, 'giu')
  if ((old.text.match(at) ?? []).length !== 1) return null
  const known = wordsOf(old.text)
  const fresh = (c.text.match(/(?<!^)\b\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*/gu) ?? []).filter(
    (name) => [...wordsOf(name)].some((w) => !known.has(w)),
  )
  if (fresh.length !== 1) return null
  // The new text already says all the old one did: nothing to keep.
  const gone = wordsOf(named)
  const lost = [...known].filter((w) => w.length > 3 && !wordsOf(c.text).has(w) && !gone.has(w))
  if (lost.length === 0) return null
  return old.text.replace(at, fresh[0]!)
}
