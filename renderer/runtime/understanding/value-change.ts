import { formValues } from './value-forms'

/** "she upped it to", "went up to", "down to", "put the rent up to": a value said to be changed to. */
const CHANGED_TO =
  /(?:\b(?:upp(?:ed|ing)|rais(?:ed|ing)|increas(?:ed|ing)|lower(?:ed|ing)|reduc(?:ed|ing)|dropp(?:ed|ing)|cut(?:ting)?|bump(?:ed|ing)|doubl(?:ed|ing)|halv(?:ed|ing)|tripl(?:ed|ing)|hik(?:ed|ing)|put(?:ting)?|went|gone|going|mov(?:ed|ing)|chang(?:ed|ing)|push(?:ed|ing)|br(?:ought|inging)|rise|rose|risen|raise|increase|hike)\b(?:\s+[\p{L}'’]+){0,3}?\s+(?:up\s+|down\s+|back\s+)?|^(?:now\s+)?(?:up|down|back)\s+|\b(?:up|down)\s+)to\s+(.+)$/iu

/** "new number: 07700 900456", "new dose is 20mg": a thing's new value given on its own. */
const NEW_VALUE =
  /^(?:(?:my|our|the|his|her|their)\s+)?new\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s*(?::|is|['’]s)\s*(.+)$/iu

/** "mum changed her number, it's 07700 900789 now": a change said, then what it is now. */
const CHANGED_IS =
  /\b(?:changed|changes|switched|swapped)\b.*?\b(?:it|that|this)(?:\s+is|['’]s|s)\s+(?:now\s+)?(.+)$/iu

/**
 * "so now only 7 racing", "just 3 hens left now", "down to only 12 in the class now": a count said to
 * be what it is now, smaller or plainer than before ("only", "just").
 */
const COUNT_NOW =
  /\bnow\s+(?:it['’]?s\s+|we['’]?re\s+|there['’]?s\s+|there\s+are\s+)?(?:only|just)\s+(\d.*)$|\b(?:only|just)\s+(\d[^,;]*?)\s+(?:left\s+|racing\s+|going\s+)?now\b/iu

/**
 * The new value of a sentence that says only that a value changed and to what: "she upped it to
 * 80mg", "down to 85kg!", "landlord put it up to £1,450", "new number: 07700 900456", "she changed
 * her number, it's 07700 900789 now". Only a value of a form (an amount, a
 * dose, a time, a day, a date) counts, and with `numbers` a number said alone ("cut to 20");
 * null otherwise.
 */
export function changedValue(text: string, numbers = false): string | null {
  const m = CHANGED_TO.exec(text) ?? NEW_VALUE.exec(text) ?? CHANGED_IS.exec(text)
  const count = m ? null : COUNT_NOW.exec(text)
  const said = m?.[1] ?? count?.[1] ?? count?.[2]
  if (said === undefined) return null
  const value = formValues(said, numbers)[0]
  return value && said.trim().startsWith(value.text.trim()) ? value.text.trim() : null
}
