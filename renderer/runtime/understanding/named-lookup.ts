import { parse } from './nlp'

/**
 * Nouns that name a value looked up about something rather than the thing itself: a name, a day, a
 * number, a deadline ("my son name", "invite list deadline", "radio check times").
 */
const VALUE_NOUN =
  /^(?:names?|nicknames?|numbers?|no|deadlines?|dates?|days?|times?|timings?|hours|address|addresses|birthdays?|age|ages|preferences?|codes?|passwords?|pin|postcode|zip|email|schedule|rota|shifts?|venue|location|price|cost|fees?|rent|salary|rate|size|dose|dosage|level|grade|rank|units?|format|colou?r|model|reg|plate|handle|username|login|extension)$/iu

/** Words that make a sentence a telling or a wish: a pronoun doing something, a verb's helpers. */
const TELLING =
  /\b(?:i|i'm|im|we|you|he|she|they|it|is|are|was|were|am|be|been|will|'ll|need|needs|have|has|had|got|get|do|does|did|to|should|must|can|cannot|can't|want|please|remind|remember|note|save|add|set|change|changed|moved|new|now|changing|this|next|last|every|each|per|tomorrow|today|tonight)\b/iu

/**
 * Whether a sentence asks by naming only what it wants to know — a few nouns ending in the kind of
 * value wanted, with no verb, date or number: "my son name", "invite list deadline", "Mule drop
 * day", "number format preference". "New phone number", "dentist time changed to 4" tell.
 *
 * @example asksByNaming('my kids names') // → true
 * @example asksByNaming('dentist appointment 4pm tuesday') // → false
 */
export function asksByNaming(sentence: string): boolean {
  const s = sentence
    .trim()
    .replace(/[?.!\s]+$/u, '')
    .replace(/\s+(?:again|pls|please|plz|ah|lah)$/iu, '')
  const words = s.split(/\s+/u)
  if (words.length < 2 || words.length > 5) return false
  if (!/^[\p{L}'’ -]+$/u.test(s) || TELLING.test(s)) return false
  if (!VALUE_NOUN.test(words.at(-1)!)) return false
  // "ring my mum re birthday", "book the dentist time", "use central european time": a verb
  // before whose, which or what sort asks something done.
  const doc = parse(s)
  if (doc.has('^#Verb (#Determiner|#Possessive|#Adjective|#Adverb)')) return false
  if (doc.has('(#Month|#WeekDay|#Value|#Timezone)')) return false
  return true
}
