/** A short form said for a name of several words: "AtW", "DBS", "HMRC" (two capitals or more). */
const INITIALS = /^(?=\p{L}*\p{Lu}\p{L}*\p{Lu})\p{L}{2,6}$/u

/** A clipped word with its number: "ch3", "wk2", "ep.4", "pt2". */
const CLIPPED = /^(\p{L}{1,4})\.?(\d{1,3})$/u

/** Words initials leave out ("Disclosure and Barring Service" is "DBS", "Access to Work" "AtW"). */
const LEFT_OUT = /^(?:and|of|the|for|to|&)$/iu

/** Whether the words of `text` from `at` on give the letters of `short`, small words skipped. */
function spellsFrom(words: readonly string[], at: number, short: string): boolean {
  let n = 0
  for (let j = at; j < words.length && n < short.length; j++) {
    const word = words[j]!
    const letter = short[n]!
    // A capital comes from a capitalised word ("Work" for "W"); a small letter from any word.
    const gives =
      word[0]!.toLowerCase() === letter.toLowerCase() &&
      (letter === letter.toLowerCase() || word[0] === word[0]!.toUpperCase())
    if (gives) n++
    else if (n === 0 || !LEFT_OUT.test(word)) return false
  }
  return n === short.length
}

/**
 * Whether the parts of one hyphenated word give the letters of `short`, whatever their case: "SE"
 * for "self-evaluation", "YE" for "year-end". Joined, the parts are one name, not words that
 * happen to run together.
 */
function joinedSpells(text: string, short: string): boolean {
  return text
    .split(/[^\p{L}\p{N}-]+/u)
    .map((w) => w.split('-').filter((p) => p !== ''))
    .some(
      (parts) =>
        parts.length === short.length &&
        parts.every((p, i) => p[0]!.toLowerCase() === short[i]!.toLowerCase()),
    )
}

/**
 * Whether `short` stands for words that run together in `text`: the initials of a name ("AtW" for
 * "Access to Work", "DBS" for "Disclosure and Barring Service", never "GP" for "get the plumber":
 * a capital needs a capitalised word) or a clipped word with its number ("ch3" for "chapter 3").
 *
 * @example standsFor('AtW', 'Access to Work payment late again') // true
 * @example standsFor('ch3', 'send chapter 3 to my supervisor') // true
 * @example standsFor('SE', 'need the self-evaluation done by the 23rd') // true
 */
export function standsFor(short: string, text: string): boolean {
  const words = text.split(/[^\p{L}\p{N}&]+/u).filter((w) => w !== '')
  const clipped = CLIPPED.exec(short)
  if (clipped) {
    const [, head, number] = clipped
    return words.some(
      (w, i) =>
        w.length > head!.length + 1 &&
        w.toLowerCase().startsWith(head!.toLowerCase()) &&
        words[i + 1] === number,
    )
  }
  if (!INITIALS.test(short)) return false
  return words.some((_, i) => spellsFrom(words, i, short)) || joinedSpells(text, short)
}

/** The words of a report that may be short forms ("AtW paid finally" → ["AtW"]). */
export const shortForms = (text: string): string[] =>
  text
    .split(/[^\p{L}\p{N}.]+/u)
    .map((w) => w.replace(/\.$/u, ''))
    .filter((w) => INITIALS.test(w) || CLIPPED.test(w))
