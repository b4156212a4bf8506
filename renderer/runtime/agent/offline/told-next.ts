import type { MemoryItemView } from '../../../../shared/contract/models'
import { itemExtras } from '../../../../shared/schema/item-extras'
import type { AskWord } from '../../understanding/types'
import { hasAnswerForm } from './answer-form'

/** How soon after an item a person's next words are read as going on about it: two messages. */
const GOING_ON_MS = 4 * 60_000

/**
 * What the person told right after `anchor`, in the same message or the next ones, that has the
 * form a question asks for — "Learning Korean" then "we do Thursdays on Zoom", "we're expecting our
 * first baby" then "due date is August 19" — when the anchor itself does not say it. People go on
 * about one thing over several short sentences; the later ones do not name it again.
 *
 * @example
 * toldNext(korean, views, 'when', now) // → the view of "We do Thursdays on Zoom"
 */
export function toldNext(
  anchor: MemoryItemView,
  views: readonly MemoryItemView[],
  form: AskWord,
  now: Date,
): MemoryItemView | null {
  const at = Date.parse(anchor.item.createdAt)
  const next = views
    .filter((v) => {
      const t = Date.parse(v.item.createdAt)
      return (
        v.item.status === 'active' &&
        v.item.id !== anchor.item.id &&
        t >= at &&
        t - at <= GOING_ON_MS &&
        hasAnswerForm(
          form,
          v.item.text,
          Boolean(itemExtras(v.item).extras.due ?? itemExtras(v.item).extras.schedule),
          now,
        )
      )
    })
    .sort((a, b) => a.item.createdAt.localeCompare(b.item.createdAt))
  return next[0] ?? null
}
