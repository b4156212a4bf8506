/**
 * A message that only acknowledges or reacts ("ok cool", "lol", "got it 👍", "haha nice"): there is
 * nothing in it to remember, and the reply need not explain what the assistant can do.
 */
const ACK_WORD =
  /^(?:ok(?:ay)?|k+|kk|cool|nice|great|lol+|ha(?:ha)+|he(?:he)+|lmao|rofl|sure|right|alright|got it|gotcha|fair enough|good|awesome|sweet|yep|yeah|yup|ya|no worries|np|noted|perfect|brilliant|lovely|ace|wow|oh|ah|hmm+|mm+|okie|oki|fine|sounds good|will do|cheers mate)$/iu

export function onlyAcknowledges(text: string): boolean {
  const words = text
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D}/gu, ' ')
    .replace(/[!.,~…]+/gu, ' ')
    .trim()
  if (words === '') return /\p{Extended_Pictographic}/u.test(text)
  // Two acknowledgements at most, each one of the words or pairs above.
  const parts = words.split(/\s+/u)
  if (parts.length > 4) return false
  for (let i = 0; i < parts.length;) {
    const pair = parts.slice(i, i + 2).join(' ')
    if (i + 1 < parts.length && ACK_WORD.test(pair)) i += 2
    else if (ACK_WORD.test(parts[i]!)) i += 1
    else return false
  }
  return true
}
