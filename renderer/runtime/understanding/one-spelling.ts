/**
 * Words English spells two ways, one on each side of the Atlantic, each with the one spelling kept
 * (the American): "licence" and "license", "tyre" and "tire", "mould" and "mold".
 */
const WORDS: Readonly<Record<string, string>> = {
  licence: 'license',
  licences: 'licenses',
  defence: 'defense',
  offence: 'offense',
  pretence: 'pretense',
  tyre: 'tire',
  tyres: 'tires',
  programme: 'program',
  programmes: 'programs',
  grey: 'gray',
  mould: 'mold',
  mouldy: 'moldy',
  plough: 'plow',
  kerb: 'curb',
  aluminium: 'aluminum',
  jewellery: 'jewelry',
  pyjamas: 'pajamas',
  practise: 'practice',
  catalogue: 'catalog',
  dialogue: 'dialog',
  manoeuvre: 'maneuver',
}

/** "-our" words that are no "-or" word spelt the other way ("four", "tour", "flour"). */
const OUR_KEPT =
  /^(?:four|hour|tour|your|pour|sour|flour|dour|scour|our|contour|detour|devour|velour|amour|paramour|troubadour|glamour)s?$/u

/** "colour", "favourite", "neighbours", "labourer": the "-our" of a word spelt "-or" elsewhere. */
const OUR = /^(\p{L}{2,})our(s|ed|ing|ite|ites|able|er|ers|ful|less|y)?$/u

/** "centre", "litres", "theatre": the "-re" of a word spelt "-er" elsewhere. */
const RE =
  /^(cent|theat|met|kilomet|centimet|millimet|lit|millilit|fib|calib|somb|spect|lust|meag|sab)re(s|d)?$/u

/**
 * "organise", "realised", "apologising", "prioritisation": the "-ise" of a word spelt "-ize"
 * elsewhere, told by the ending before it (not "promise", "exercise", "surprise", "advise").
 */
const ISE =
  /^(\p{L}+(?:al|il|im|or|ar|gan|gn|rit|tom|onom|tic|has|path|log))is(e|es|ed|ing|ation|ations|er|ers)$/u

/** "analyse", "paralysed": "-yse" spelt "-yze" elsewhere. */
const YSE = /^(anal|paral|catal)ys(e|es|ed|ing)$/u

/** Medical words written with "ae" or "oe" on one side: "paediatric", "anaesthetic", "oesophagus". */
const AE = /^(p|h|an|orthop|gyn|leuk|septic)ae(d|m|s|c)/u

/** "oesophagus", "oestrogen", "oedema". */
const OE = /^oe(?=soph|strog|dem)/u

/**
 * The one spelling of a lower-case word written two ways in English, or the word itself.
 *
 * @example oneSpelling('licence') // 'license'
 * @example oneSpelling('colour') // 'color'
 * @example oneSpelling('four') // 'four'
 */
export function oneSpelling(word: string): string {
  const listed = WORDS[word]
  if (listed) return listed
  if (!OUR_KEPT.test(word)) {
    const our = OUR.exec(word)
    if (our) return `${our[1]!}or${our[2] ?? ''}`
  }
  const re = RE.exec(word)
  if (re) return `${re[1]!}er${re[2] ?? ''}`
  const ise = ISE.exec(word)
  if (ise) return `${ise[1]!}iz${ise[2]!}`
  const yse = YSE.exec(word)
  if (yse) return `${yse[1]!}yz${yse[2]!}`
  return word.replace(OE, 'e').replace(AE, '$1e$2')
}
