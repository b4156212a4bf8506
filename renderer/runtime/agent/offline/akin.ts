import { stemmer } from 'stemmer'

const stems = new Map<string, string>()
const stemOf = (word: string): string => {
  let s = stems.get(word)
  if (s === undefined) {
    s = stemmer(word)
    stems.set(word, s)
  }
  return s
}

/**
 * Whether two lower-case words are forms of one word. `stem` allows the same Porter stem
 * ("meeting" and "meet", "based" and "base"): only for the words a person typed, not for the words
 * a topic stands for, where a stem joins senses ("savings" and "save the date"). Words of five
 * letters or more also match on their first five ("diabetes" and "diabetic", "Nguyens" and
 * "Nguyen"), which catches names and typos no stemmer knows.
 *
 * @example
 * akin('meeting', 'meet', true) // → true
 * akin('meeting', 'meet', false) // → false
 * akin('hair', 'haircut', true) // → false
 */
export const akin = (a: string, b: string, stem: boolean): boolean =>
  a === b ||
  (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5)) ||
  (stem && stemOf(a) === stemOf(b))
