/**
 * Questions about what a person or their team uses now ("what CI are we on?", "what engine do I
 * use?", "which booking app do we use?") and the items that answer them in other words ("we moved
 * off Jenkins to GitHub Actions", "I switched from Unity to Godot"): a switch or a use of something
 * named, which need not say "CI" or "engine".
 */

const ASKS =
  /^(?:(?:what|which)\b.*\b(?:do|does|did)\s+(?:I|we|you)\s+(?:use|run|work in|code in|write in|go with|pick|choose)|(?:what|which)\b.*\b(?:am|are)\s+(?:I|we)\s+(?:using|on|running)|(?:what|which)\b.*\b(?:I|we)\s+(?:switched|moved|changed|migrated|went)\s+(?:to|over to)|what do (?:I|we) use for)\b/iu

const SAYS =
  /\b(?:switch(?:ed|ing)?|mov(?:ed|ing)|chang(?:ed|ing)|replac(?:ed|ing)|dropp(?:ed|ing)|migrat(?:ed|ing)|went with|going with|go with|use|uses|using|run(?:s|ning)? on|(?:am|are|is) on|now on)\b/iu

/** A name in a text: a capitalised word not at its start, or a word with a digit or a dot in it. */
const NAMED =
  /(?<!^)(?<![.!?]\s)\b\p{Lu}[\p{L}\p{N}.+-]*|\b\p{L}+[.-]?\p{N}[\p{L}\p{N}-]*\b|\b\p{L}+\.\p{L}+\b/u

/** Whether a question asks what is used now. */
export const asksWhatIsUsed = (question: string): boolean => ASKS.test(question)

/** Whether an item's text says something named is used, or was switched to. */
export const saysWhatIsUsed = (text: string): boolean =>
  SAYS.test(text) && NAMED.test(text.replace(/^(?:I|I'm|I am|We|My|Our)\b/u, ''))
