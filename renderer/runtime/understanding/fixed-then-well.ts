import { parse } from './nlp'
import { reportParts } from './outcomes'

/**
 * A repair done, in any tense people type it ("swapped the bulb", "he change the motor", "Impeller
 * change dun", "bled it", "new pads in", "put a new cartridge in").
 */
const REPAIRED =
  /\b(?:swap|replac|chang|fit|fitt|bled|bleed|fix|repair|mend|clean|cleaned|reset|tighten|plane|punch|servic|reinstall|adjust|oil|greas|unblock|unclog|patch|flush|reboot|restart|regass|rewir|reseal|descal|recharg|re-?seat)\p{L}*\b|\bnew\s+(?:[\p{L}-]+\s+){1,2}(?:in|fitted|put in|on|installed)\b|\bput\s+(?:a|an|some)\s+new\b/iu

/** Still to do, not done, undone, or only advised ("GP says try a fixed wind-down"): no repair. */
const NOT_DONE =
  /\b(?:try|trying|advised?|recommend\p{L}*|suggest\p{L}*|not|never|no longer|isn['’]?t|wasn['’]?t|didn['’]?t|won['’]?t|can['’]?t|cannot|still|yet|will|going to|gonna|need|needs|have to|has to|should|must|want|hope|might|maybe|if|keeps?)\b|n['’]t\b|\?/iu

/**
 * How a thing works now, told last and about no person: "no more flickering", "it's toasty now",
 * "stops proper now", "now quiet and strong", "engine cool cool now", "way better now".
 */
const WELL_NOW =
  /^(?:(?:and|so)\s+)?(?:no more [\p{L}-]+|now\s+(?:[\p{L}-]+\s+){0,3}[\p{L}-]+|(?:[\p{L}'’-]+\s+){0,4}(?:now|again))(?:[\s.!]|\p{Extended_Pictographic}|\uFE0F|\u200D)*$/iu

/**
 * Said of a person, what they are doing ("doing that now"), their looks or the weather: news of
 * the moment, not how a repair held.
 */
const NOT_A_THING =
  /\b(?:i|i['’]m|im|we|we['’]re|you|he|he['’]s|she|she['’]s|they['’]re|kids?|doing|that|this|happ\p{L}*|sad|asleep|awake|tired|busy|free|home|looks?|looking|seems?|feels?|feeling|snow\p{L}*|rain\p{L}*|sunny|dark|late|early)\b/iu

/**
 * Whether a message tells a repair and then how the thing is now ("the IT man swapped the bulb, no
 * more flickering", "Phil bled it and it's toasty now"): a fix of the one open problem though it
 * names neither the problem nor its thing.
 *
 * @example fixedThenWell('the IT man swapped the bulb, no more flickering') // true
 * @example fixedThenWell("Phil bled it and it's toasty now") // true
 * @example fixedThenWell('moved the sofa, looks much better now') // false
 * @example fixedThenWell('need to change the bulb, no more flickering please') // false
 */
export function fixedThenWell(text: string): boolean {
  const parts = reportParts(text).flatMap((p) =>
    p.split(/\s+and\s+(?=(?:it|its|it['’]s|they|now)\b)/iu),
  )
  if (parts.length < 2) return false
  const last = parts[parts.length - 1]!.trim()
  if (!WELL_NOW.test(last) || NOT_A_THING.test(last) || NOT_DONE.test(last)) return false
  // "swapped shifts, its fridays n sundays now": a new day or hour is a value, not a state.
  const state = parse(last)
  if (state.has('(#Date|#Time)') || !state.has('(#Adjective|#Adverb|#Verb)')) return false
  const before = parts.slice(0, -1)
  return before.some((p) => REPAIRED.test(p)) && !before.some((p) => NOT_DONE.test(p))
}
