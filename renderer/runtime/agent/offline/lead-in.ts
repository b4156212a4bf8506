import type { MemoryItemView } from '../../../../shared/contract/models'
import { canonical } from '../../understanding/lexicon'
import { contentLemmas } from '../../understanding/similarity'
import { subjectOf } from '../../memory/memory-capture'

/** How far back a person's earlier words are read as what an item goes on about: two messages. */
const LEAD_MS = 4 * 60_000

/** Words that point back to someone or something named before ("he", "her", "we"). */
const POINTER = /\b(?:he|she|they|him|her|them|his|hers|their|it|its|we|our)\b/iu

/** Whether an item is about someone of the person's (`relation`), by its words or its subject. */
const mentions = (v: MemoryItemView, relation: string): boolean =>
  contentLemmas(v.item.text).map(canonical).includes(relation) ||
  (subjectOf(v.item) ?? '').split(/[\s:]+/u).includes(relation)

/**
 * Over one memory: whether an item that points back with a pronoun ("he is allergic to chicken",
 * "we meet every Thursday") was told within a few minutes after an item about someone of the
 * person's (`relation`, as the lexicon spells it: "dog", "supervisor") — earlier in the same
 * message or in the two messages before. People go on about one person over several short
 * sentences without naming them again. Retracted items say nothing.
 *
 * @example
 * pointsBackIn(views)(allergicToChicken, 'dog') // → true after "we got a dog from the rescue"
 */
export function pointsBackIn(
  views: readonly MemoryItemView[],
): (item: MemoryItemView, relation: string) => boolean {
  const told = views
    .map((v, n) => ({ v, n, at: Date.parse(v.item.createdAt) }))
    .filter((x) => x.v.item.status !== 'retracted')
    .sort((a, b) => a.at - b.at || a.n - b.n)
  const place = new Map(told.map((x, k) => [x.v, k]))
  const memo = new Map<string, boolean>()
  return (item, relation) => {
    const k = place.get(item)
    if (k === undefined || !POINTER.test(item.item.text)) return false
    const key = `${item.item.id} ${relation}`
    let out = memo.get(key)
    if (out === undefined) {
      out = false
      const at = told[k]!.at
      for (let j = k - 1; j >= 0 && at - told[j]!.at <= LEAD_MS && !out; j--)
        out = mentions(told[j]!.v, relation)
      memo.set(key, out)
    }
    return out
  }
}
