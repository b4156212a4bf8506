/**
 * Question words as they are spelt in Scots, Nigerian Pidgin, Jamaican Patois and texting, with
 * the standard word each stands for ("wetin be my vet name", "whaur dae I go", "wah school …").
 */
const LEAD: Record<string, string> = {
  wetin: 'what',
  whit: 'what',
  wah: 'what',
  wha: 'what',
  wot: 'what',
  whut: 'what',
  whaur: 'where',
  whar: 'where',
  weh: 'where',
  whan: 'when',
  hoo: 'how',
}

/**
 * The small words of those same registers, read only after a question word of theirs: a sentence
 * that opens "whit" or "wetin" is in that register throughout ("dae" is "do", "ma" is "my").
 */
const FUNCTION: Record<string, string> = {
  dae: 'do',
  div: 'do',
  ma: 'my',
  mi: 'my',
  me: 'my',
  yuh: 'you',
  ye: 'you',
  di: 'the',
  de: 'the',
  hae: 'have',
  ah: 'I',
  be: 'is',
  dey: 'is',
  cried: 'called',
  no: 'not',
}

const LEAD_WORD = new RegExp(`^(${Object.keys(LEAD).join('|')})(['’]s)?(?=\\s+\\S)`, 'iu')

/**
 * A sentence that opens with a question word spelt in a dialect or creole, in standard words;
 * any other sentence as it is.
 *
 * @example standardQuestion("whit's ma lassie cried") // → "what's my lassie called"
 * @example standardQuestion('wetin be my vet name') // → "what is my vet name"
 * @example standardQuestion('whit a day') // → "whit a day" (no question after it)
 */
export function standardQuestion(sentence: string): string {
  const s = sentence.trim()
  const m = LEAD_WORD.exec(s)
  if (!m) return sentence
  // "Wha a day", "whit a mess": an exclamation, not a question.
  if (/^\S+\s+(?:a|an)\s/iu.test(s)) return sentence
  const rest = s.slice(m[0].length).replace(/[\p{L}]+/gu, (w) => FUNCTION[w.toLowerCase()] ?? w)
  return `${LEAD[m[1]!.toLowerCase()]!}${m[2] ?? ''}${rest}`
}
