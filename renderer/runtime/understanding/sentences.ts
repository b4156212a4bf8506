import { sentencesOf } from './nlp'

const BULLET = /^\s*(?:[-*•·‣◦]|\d{1,3}[.)]|\[[ xX]?\])\s+/u

/**
 * Splits a message into sentences: first by line (lists, pasted notes), then with the NLP library,
 * which keeps "Dr. Lee", "e.g." and "3.5" whole. A list under a "TODO:" header keeps the header's
 * meaning on every item.
 */
export function splitSentences(message: string): string[] {
  const out: string[] = []
  let listHeader: string | null = null
  for (const rawLine of message.split(/\r?\n/u)) {
    const line = rawLine.trim()
    if (line === '') {
      listHeader = null
      continue
    }
    const bullet = BULLET.test(line)
    const body = line.replace(BULLET, '').trim()
    if (body === '') continue
    const header = /^(todo|to-do|to do|tasks?|reminders?|bugs?|issues?|problems?)\s*:?\s*$/iu.exec(
      body,
    )
    if (header) {
      listHeader = header[1]!
      continue
    }
    if (bullet && listHeader) {
      out.push(`${listHeader}: ${body}`)
      continue
    }
    if (!bullet) listHeader = null
    for (const s of sentencesOf(body)) {
      const t = s.trim()
      if (t !== '') out.push(t)
    }
  }
  return out
}

const ENGLISH = new Set(
  (
    'i me my you your we our the a an and or but is am are was were be been have has had do does did ' +
    'not no to of in on at for with from by about this that it its what where when who why how which ' +
    'can could will would should may might must just so if then than too also very really please ' +
    'thanks thank hi hello hey yes yeah ok okay lol work live like love need want go going get got ' +
    'up out off over back again still now today tomorrow yesterday tonight same before after all some ' +
    'any every one two three new old good bad time day days week weeks month year home there here ' +
    'more most other only last next first make made see know think take come said says there their ' +
    'they them he she him her his our us been being because while since until into than these those'
  ).split(' '),
)
const FOREIGN = new Set(
  (
    'je tu il elle nous vous ils le la les un une des et est suis sont avec pour dans sur pas que qui ' +
    'ich du er sie wir ihr der das und ist bin sind nicht mit für auf ein eine zu von ' +
    'yo tú él ella nosotros el los las y es soy con para en por que una uno muy pero ' +
    'io sono il lo gli della di che non per una sei ' +
    'eu você ele ela nós os e é sou são com para em não um uma muito ' +
    'ik jij hij zij wij het een en is ben zijn niet met voor op van'
  ).split(' '),
)

/**
 * Whether a sentence is English enough to analyse. Other languages are kept in the conversation
 * and simply not analysed: a guess in the wrong language would store nonsense.
 */
export function isEnglish(sentence: string): boolean {
  const letters = sentence.match(/\p{L}/gu) ?? []
  if (letters.length === 0) return true
  const latin = letters.filter((c) => /[A-Za-zÀ-ɏ]/u.test(c)).length
  if (latin / letters.length < 0.6) return false
  const said = sentence.split(/[^\p{L}']+/u).filter((w) => w !== '')
  const words = said.map((w) => w.toLowerCase())
  if (words.length < 3) return true
  let en = 0
  let foreign = 0
  for (const [n, word] of words.entries()) {
    // "when's", "Sam's": the word is what counts.
    const w = word.replace(/'(?:s|m|re|ve|ll|d|t)$/u, '')
    if (ENGLISH.has(w) || ENGLISH.has(word)) en++
    // A capitalised word inside the sentence is a name ("Ursula K. Le Guin"), not French.
    else if (n > 0 && /^\p{Lu}/u.test(said[n]!)) continue
    else if (FOREIGN.has(w) || /^(?:[jlmdtsnc]|qu)'/u.test(w)) foreign++
  }
  if (/[àâçéèêëîïôûùüÿœæäöüßñ¿¡ãõ]/iu.test(sentence) && foreign >= 1 && foreign >= en) return false
  return en >= foreign
}
