import { reportParts } from './outcomes'

/**
 * A part of a report that tells a fix and names nothing: "working now", "all sorted now", "back to
 * normal", "it's all working again 🙏". A bare "fine" or "good" is small talk, not a fix.
 */
const BARE_FIX =
  /^(?:(?:and|so|now)\s+)?(?:(?:it['’]?s|its|it is|they['’]re|they are|everything['’]?s|everything is|all)\s+)?(?:(?:all|now|finally|properly)\s+)?(?:working|running|fixed|sorted|back to normal|back up and running|up and running|(?:fine|good|ok|okay|perfect|grand|sweet)\s+(?:now|again))(?:\s+(?:again|now|fine|properly|perfectly|normally|at last|finally|thank god|thankfully|phew|alhamdulillah|touch wood))*(?:[\s.!]|\p{Extended_Pictographic}|\uFE0F|\u200D)*$/iu

/**
 * A pet or a person told as well again without naming the trouble: "he's eating again", "she's
 * walking fine now". A bare "she's sleeping now" is news of the moment, not a fix.
 */
const WELL_AGAIN =
  /^(?:(?:and|so|now)\s+)?(?:he|she)(?:['’]s|\s+is)\s+(?:finally\s+|now\s+|all\s+)?(?:(?:eating|drinking|sleeping|walking|running|feeding|playing|moving|weight-bearing|breathing)(?:\s+(?:again|fine|normally|properly|well|ok|okay))+|back to (?:normal|(?:his|her) (?:old|usual) self))(?:\s+(?:again|now|at last|finally|thank god|thankfully|phew))*(?:[\s.!]|\p{Extended_Pictographic}|\uFE0F|\u200D)*$/iu

/**
 * Whether a report tells a fix without naming what was fixed, in one of its parts: "engineer came,
 * swapped the router, working now" (but not "the van's working now", which names the van).
 *
 * @example bareFix('Engineer came, swapped the router, working now alhamdulillah') // true
 * @example bareFix('council roofer up the ladder this morning, sorted') // true
 * @example bareFix("I'm working now") // false
 */
export function bareFix(text: string): boolean {
  // "council roofer up the ladder this morning, sorted": a fix word alone after a comma is a part
  // too, though a part of a report is otherwise two words or more.
  const last =
    /[,;]\s*((?:all\s+)?(?:fixed|sorted|repaired|mended)(?:[\s.!]|\p{Extended_Pictographic}|\uFE0F|\u200D)*)$/iu.exec(
      text,
    )
  const parts = [text.trim(), ...reportParts(text), ...(last ? [last[1]!] : [])]
  return parts.some((p) => BARE_FIX.test(p.trim()) || WELL_AGAIN.test(p.trim()))
}
