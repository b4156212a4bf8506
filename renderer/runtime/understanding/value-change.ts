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
 * The new value of a sentence that says only that a value changed and to what: "she upped it to
 * 80mg", "down to 85kg!", "landlord put it up to £1,450", "new number: 07700 900456", "she changed
 * her number, it's 07700 900789 now". Only a value of a form (an amount, a
 * dose, a time, a day, a date) counts, and with `numbers` a number said alone ("cut to 20");
 * null otherwise.
 */
export function changedValue(text: string, numbers = false): string | null {
  const m = CHANGED_TO.exec(text) ?? NEW_VALUE.exec(text) ?? CHANGED_IS.exec(text)
  if (!m) return null
  const value = formValues(m[1]!, numbers)[0]
  return value && m[1]!.trim().startsWith(value.text.trim()) ? value.text.trim() : null
}
