/**
 * Laughter that opens a sentence: "haha", "hahaha", "ahaha", "hehe", "lol", "lolol", "lmao",
 * "lmfao", "rofl", or a laughing emoji.
 */
const LAUGH =
  /^(?:a?(?:h+a+){2,}h*|(?:he){2,}h?|lo+l(?:o*l)*|lmf?a+o+|rofl|[😂🤣😹😆💀]+)(?=[\s,.!:;]|$)/iu

/** After the laugh, the person still says what they are or have: "lol I'm vegan btw". */
const ABOUT_SELF_NOW =
  /^(?:(?:yeah|yes|ok|okay|well|but|and|so)[\s,]+)*(?:I\s+am|I['’]m|im|I\s+have|I['’]ve\s+got|I\s+live|I\s+work|my\s+name\s+is)\b/iu

/**
 * Whether a sentence is told for a laugh: "hahaha chef called my brunoise 'rustic'", "lmao a
 * patient fainted on me", "haha my cat walk on keyboard". A story told as a joke is not a fact or
 * a preference to keep; what the person says they are or have after the laugh still is.
 *
 * @example toldForLaughs('lmao a patient fainted on me') // true
 * @example toldForLaughs("lol I'm vegan btw") // false
 */
export function toldForLaughs(sentence: string): boolean {
  const m = LAUGH.exec(sentence.trim())
  if (!m) return false
  const rest = sentence
    .trim()
    .slice(m[0].length)
    .replace(/^[\s,.!:;]+/u, '')
  return !ABOUT_SELF_NOW.test(rest)
}
