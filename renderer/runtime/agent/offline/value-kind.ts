/**
 * What kind of value a question asks for, when it asks about one that has its own form: an age, a
 * height, a timezone, a temperature scale, a clock format. An item can give it in words that share
 * nothing with the question ("how old am I?" — "retired marine engineer, 67"; "what timezone am I
 * in?" — "give me all times in AEST"), so the answerer recognises the value's form in the item's
 * own text instead of needing the question's words there.
 */

/**
 * The item speaks about the person ("I am …", "I'm …", "My name is Chloe, 29"), not someone
 * else's age or height.
 */
const FIRST_PERSON = /^(?:I\b|I['’]m\b|im\b|me\b|my name is\b)|\b(?:I am|I'm)\b/iu

const FORMS: { asks: RegExp; gives: RegExp; aboutMe?: boolean }[] = [
  {
    asks: /\bhow old am I\b|\bmy age\b|\bwhat age am I\b/iu,
    gives:
      /\b(?:I am|I['’]m|im|aged?)\s+(?:\p{L}+\s+){0,4}?\(?([1-9]\d)\)?(?![\d:.,/%'’]|\s*(?:%|am|pm|mins?|minutes|hours?|hrs?|h|k|kg|lbs?|miles|km|st|nd|rd|th|weeks?|days?|months?|percent|quid|bucks|dollars|euros|pounds|mg|ml|ft|cm|times|x)\b)|,\s*([1-9]\d)\s*(?:$|,)|\b([1-9]\d)\s*(?:years? old|yo|y\/o|yrs old)\b/iu,
    aboutMe: true,
  },
  {
    asks: /\bhow tall\b|\bmy height\b/iu,
    gives:
      /\b\d\s*['’]\s*\d{1,2}\b|\b\d\s*(?:ft|feet|foot)\b|\b1[.,]\d{1,2}\s*m\b|\b1\d{2}\s*cm\b/iu,
    aboutMe: true,
  },
  {
    // "What hours am I on?", "what time do my shifts start?" — "I do 7:30 to 3:30", "nights
    // 10pm-6am", "Mondays to Fridays 11 till 2": a span of the day, not a lone time or a count.
    asks: /\bwhat hours\b|\bhours (?:do|am|will|did|have) (?:I|we)\b|\bmy (?:working |work |shift |opening )?hours\b|\bwhat time (?:do|does|did) (?:my|I|we) (?:[\p{L}-]+\s+)?(?:start|finish|end|begin)\b/iu,
    gives:
      /\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\s*(?:-|–|to|till|til|until)\s*\d{1,2}(?:[:.]\d{2})?|\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\s*(?:-|–|to|till|til|until)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b|\b\d{1,2}:\d{2}\s*(?:-|–|to|till|til|until)\s*\d{1,2}(?::\d{2})?\b|\b\d{1,2}\s*(?:till|til|until)\s*\d{1,2}\b/iu,
  },
  {
    // "How far does the battery get me?" — "only lasts like 30 miles now".
    asks: /\bhow far\b/iu,
    gives: /\b\d[\d.,]*\s*(?:miles?|mi|km|kms|kilomet(?:re|er)s?|k)\b/iu,
  },
  {
    asks: /\btime ?zone\b/iu,
    gives:
      /\b(?:UTC|GMT)(?:\s*[+-]\s*\d{1,2})?\b|\b(?:[ACEMP][SD]T|[ACEW]EST|[ACEW]EDT|BST|IST|JST|KST|CET|CEST|EET|EEST|WET|WEST|NZST|NZDT|AEST|AEDT|ACST|AWST|SGT|HKT|PHT|WIB|SAST|WAT|EAT|MSK|BRT|ART)\b|\b(?:Pacific|Eastern|Central|Mountain) time\b|\btime ?zone\b/u,
  },
  {
    asks: /\btemperatures?\b|\btemps?\b|\bcelsius\b|\bfahrenheit\b/iu,
    gives: /\b(?:celsius|centigrade|fahrenheit)\b|°\s*[CF]\b/iu,
  },
  {
    asks: /\b(?:12|24|twelve|twenty-four)[- ]?h(?:ou)?r?\b|\bclock\b|\btime format\b|\btimes? (?:written|shown|displayed|formatted)\b|\bam\s*\/\s*pm\b/iu,
    gives:
      /\b(?:12|24|twelve|twenty-four)[- ]?h(?:ou)?r?\b|\b24h\b|\bam\s*\/\s*pm\b|\bmilitary time\b/iu,
  },
]

/**
 * Whether `text` gives the kind of value `question` asks for, when the question asks for one of
 * the forms above; `null` when it asks for something else.
 */
export function givesValueAsked(question: string, text: string): boolean | null {
  const form = FORMS.find((f) => f.asks.test(question))
  if (!form) return null
  return form.gives.test(text) && (!form.aboutMe || FIRST_PERSON.test(text))
}
