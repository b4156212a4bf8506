import type { MemoryItemView } from '../../../../shared/contract/models'
import { findDates } from '../../understanding/dates'
import { canonical } from '../../understanding/lexicon'
import { contentLemmas } from '../../understanding/similarity'
import { parse } from '../../understanding/nlp'

/** The start of something told: who or what it is about ("Tiana is 6", "the contract runs"). */
const SUBJECT = /^(?:I|we|he|she|they|it|my|our|his|her|their|the|this|that|\p{Lu}\p{Ll}+)\s/u

/**
 * The things a sentence tells, one by one. Commas part them; "and" or "but" only between two that
 * each say something ("Jayden is 9 and Tiana is 6"), not inside who does it ("Daniel and I are
 * getting married").
 */
const clauses = (text: string): string[] =>
  text
    .split(/\s*[,;]\s+(?:and\s+|but\s+)?/u)
    .flatMap((piece) => {
      const [first, ...more] = piece.split(/\s+(and|but)\s+/u)
      const out = [first!]
      for (let n = 0; n + 1 < more.length; n += 2) {
        const next = more[n + 1]!
        if (parse(out.at(-1)!).has('#Verb') && SUBJECT.test(next)) out.push(next)
        else out[out.length - 1] = `${out.at(-1)!} ${more[n]!} ${next}`
      }
      return out
    })
    .filter((p) => p.trim() !== '')

const wordsOf = (text: string): Set<string> => new Set(contentLemmas(text).map(canonical))
const dated = (text: string, now: Date): boolean => findDates(text, now).length > 0

/**
 * What a corrected item told that its correction left standing. "14 months sober as of yesterday,
 * doing a level 2 cookery course at Hull College tuesday nights", corrected by "the course is
 * wednesday nights now", still says how long the person has been sober: the parts of the old item
 * the correction names (a word of it, or, when it names none, a date for a date) are replaced, the
 * others hold. One view per corrected item, current, with only the parts that still hold as its
 * text; none when the correction cannot be placed in one part or replaces every part, so an old
 * value is never offered as current.
 *
 * @example
 * stillSaid(views, now) // → [view of "14 months sober as of yesterday"]
 */
export function stillSaid(views: readonly MemoryItemView[], now: Date): MemoryItemView[] {
  const byId = new Map(views.map((v) => [v.item.id, v]))
  const out: MemoryItemView[] = []
  for (const v of views) {
    if (v.item.status !== 'superseded' || v.item.supersededBy === null) continue
    const next = byId.get(v.item.supersededBy)
    if (next === undefined || next.item.status !== 'active') continue
    const parts = clauses(v.item.text).filter((p) => wordsOf(p).size > 0)
    if (parts.length < 2) continue
    const newer = wordsOf(next.item.text)
    const named = parts.map((p) => [...wordsOf(p)].some((w) => newer.has(w)))
    const replaced = named.some(Boolean)
      ? named
      : dated(next.item.text, now)
        ? parts.map((p) => dated(p, now))
        : parts.map(() => false)
    const kept = parts.filter((_, n) => !replaced[n])
    if (kept.length === 0 || kept.length === parts.length) continue
    out.push({ ...v, item: { ...v.item, text: kept.join(', '), status: 'active' } })
  }
  return out
}
