/** A word or two of approval said before thanks: "ok", "lekker", "perfect", "great stuff". */
const LEAD = String.raw`(?:(?:ok(?:ay)?|oh|ah|aw+|great|perfect|awesome|nice|lovely|brilliant|cool|sweet|lekker|shot|ace|grand|fab|wonderful|excellent|super|good|right|alright|yes|yeah|yep|wow|great stuff|noted|got it|accha|achha|sawa|sure)[\s,!.]+){0,2}`

/** Thanks in the ways people type it ("thank u", "tysm", "ta", "cheers"); not "thanks to …". */
const THANKS = String.raw`(?:thanks|thank\s*(?:you|u|ya|yous)|thankyou|thanku|thx|thnx|thanx|tnx|ty|tysm|tq|cheers|ta|much appreciated|appreciate (?:it|you|that|this)|many thanks|asante(?:\s+sana)?|gracias|merci|danke|obrigad[oa]|shukran|dhanyavaad)(?!\s+(?:to|for (?:nothing|coming))\b)`

const OPENS_WITH_THANKS = new RegExp(`^${LEAD}${THANKS}\\b`, 'iu')

/**
 * What may follow the thanks and say nothing more: how much, whom ("bru", "mate", "sir"), and
 * praise of the assistant ("you very helpful", "ur the best", "you're a star", "this is so useful").
 */
const PRAISE =
  /\b(?:so|very|really|a lot|a ton|lots|heaps|loads|a million|much|muchly|again|anyway|as always|as usual|bru|bro|bra|boet|mate|man|love|luv|dear|sir|madam|maam|ma'am|buddy|pal|friend|fam|my friend|lah|la|ji|bhai|yaar|o|oo|sana|(?:you|u)(?:['’]re|\s+are|\s+r|\s+were|\s+have been|['’]ve been)?|ur|your|you['’]?re|youre|this|that|it|is|was|has been|have|has|such|a|an|the|(?:most|super|truly|proper)|helpful|useful|great|best|star|legend|lifesaver|life saver|gem|champ|hero|amazing|awesome|brilliant|kind|good|clever|smart|genius|help|helps|helped|always help|(?<=help\w*\s+)(?:me|us)|for (?:the|your) help|for that|for this|for everything)\b/giu

/**
 * Whether a sentence is only thanks, however long: "thank you so much, you very helpful", "Lekker,
 * thanks bru", "thank u so much ur the best". Anything more after the thanks ("thanks, I'll send
 * it Friday", "cheers, the plumber comes Tuesday") is still read.
 *
 * @example onlyThanks('thank you so much, you very helpful') // true
 * @example onlyThanks("thanks, I'll do the invoice tomorrow") // false
 */
export function onlyThanks(sentence: string): boolean {
  const text = sentence.trim()
  const m = OPENS_WITH_THANKS.exec(text)
  if (!m) return false
  const rest = text
    .slice(m[0].length)
    .replace(PRAISE, ' ')
    .replace(/[\s,.!;:~\-—–()]+|\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\p{EMod}/gu, '')
  return rest === ''
}
