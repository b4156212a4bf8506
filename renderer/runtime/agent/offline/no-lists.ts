import type { MemoryItemView } from '../../../../shared/contract/models'
import { lowerStart } from './answer'

/** "no bullet points please", "I don't want lists", "stop using bullets": how not to be answered. */
const NO_LISTS =
  /\b(?:no|not|without|don't|do not|never|stop|avoid|hate|can't stand|cannot stand)\b.*\b(?:bullets?|bullet points?|dot points|bulleted|lists?)\b/iu

/** Whether a current preference asks for answers without bullet points or lists. */
export function wantsNoLists(current: readonly MemoryItemView[]): boolean {
  return current.some((v) => v.item.kind === 'preference' && NO_LISTS.test(v.item.text))
}

const ITEM = /^\s*[-•*]\s+/u

/**
 * A reply with its list said as a sentence, for a person who asked for no bullet points: "Due this
 * week:\n- A\n- B" → "Due this week: A; B." Lines that are not list items stay as they are.
 *
 * @example
 * asProse('Open problems:\n- The boiler leaks\n- The car rattles') // → 'Open problems: the boiler leaks; the car rattles.'
 */
export function asProse(text: string): string {
  const out: string[] = []
  let run: string[] = []
  const flush = (): void => {
    if (run.length === 0) return
    const items = run.map((l) => lowerStart(l).replace(/[.;]+$/u, ''))
    const said = `${items.join('; ')}.`
    if (out.length > 0 && out[out.length - 1]!.endsWith(':')) out[out.length - 1] += ` ${said}`
    else out.push(said.charAt(0).toUpperCase() + said.slice(1))
    run = []
  }
  for (const line of text.split('\n')) {
    if (ITEM.test(line)) run.push(line.replace(ITEM, '').trim())
    else {
      flush()
      out.push(line)
    }
  }
  flush()
  return out.join('\n')
}
