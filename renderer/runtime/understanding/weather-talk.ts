import { STRONG_ISSUE } from './cues'
import { parse } from './nlp'
import { UNIT } from './units-asked'

/** Words people put before a remark on the day ("sure", "ay", "man", "Lord", "ngl", "brr"). */
const OPENER = String.raw`(?:(?:sure|ay|ah|aah|oh|och|man|(?:good\s+)?(?:lord|god)(?:\s+have\s+mercy)?|gosh|golly|boy|ngl|honestly|tbh|ugh|urgh|eish|brr+|wow|whew|phew|jeez|geez|well|and|so|yeah|aye|haha|lol|mate|damn|dang|bloody hell|oof|yikes|crikey|blimey)[\s,!.]+)*`

/**
 * What the sky and the air do, as the thing talked about: "the weather", "this grey weather",
 * "humidity", "smoke from the fires", "the heat". The word is group `sky`; a noun after it makes it
 * a thing ("heat pump", "storm drain", "weather station", "snow plough"), which `weatherTalk` checks.
 */
const SKY_FIRST = String.raw`(?:(?:the|this|that|such|what)\s+(?:[\p{L}-]+\s+){0,2}?)?(?<sky>weather|heat|heatwave|humidity|smoke|haze|fog|frost|drizzle|rain|wind|snow|sleet|hail|storms?|temperatures?|temps)(?:['’]s)?\b`

/** Said of the sky falling, and of nothing else ("pouring", "chucking it down", "snowing"). */
const FALLING = String.raw`(?:raining|pouring|drizzling|snowing|sleeting|hailing|chucking it down|bucketing(?: it)?(?: down)?|pissing (?:it )?down|teeming(?: down)?|lashing(?: down)?)`

/** Said only of the weather ("humid", "baltic", "40 knots gusting"). */
const SKY_ONLY = String.raw`(?:${FALLING}|rainy|drizzly|snowy|humid|muggy|windy|blowy|stormy|foggy|misty|sunny|cloudy|overcast|grey|gray|sweltering|scorching|roasting|baltic|nippy|parky|chilly|\d+\s*(?:knots|mph|km\/?h)\b)`

/** A temperature ("minus 22", "36 degrees", "-5°C"). */
const TEMPERATURE = String.raw`(?:minus\s+\d+|-?\d+\s*(?:degrees|°)(?:\s*[cf]\b)?)`

/**
 * Said of the weather and of things alike ("hot", "freezing", "7 degrees"): the weather's only
 * with a time or place of the day after it.
 */
const SKY_OR_THING = String.raw`(?:hot|cold|warm|freezing|boiling|baking|bitter|icy|${TEMPERATURE})`

/** A time or place that makes "hot" or "freezing" the day's ("out here", "today", "already"). */
const OF_THE_DAY =
  /\b(?:out|outside|here|today|tonight|this (?:morning|afternoon|evening|week|year|summer|winter)|already|lately|again|still|all (?:day|week|night)|season|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december|\d+\s*(?:degrees|°))\b/iu

/** "it's", "its", "it is", "it has been": the weather as "it". */
const IT_IS = String.raw`it(?:['’]?s|\s+is|\s+was|\s+has)?(?:\s+(?:been|getting))?`

/** How much ("so", "bloody", "proper", "way too"), before a word for the weather. */
const DEGREE = String.raw`(?:so|too|way too|bloody|absolutely|proper|properly|really|very|super|hella|freaking|fucking|damn|well|already|still|just|only|now|getting)`

/**
 * The weather first: named ("the weather's …"), as "it" ("it's bloody freezing"), by how much
 * ("so humid today") or by what falls ("pouring here"). Group `either` or
 * `degrees` holds a word said of things too.
 */
const SKY_TALK = new RegExp(
  String.raw`^${OPENER}(?:${SKY_FIRST}|(?:${IT_IS}\s+(?:${DEGREE}\s+)*|(?:${DEGREE}\s+)+)(?:${SKY_ONLY}|(?<either>${SKY_OR_THING}))\b|${FALLING}\b|(?<degrees>${TEMPERATURE})\b)`,
  'iu',
)

/** Whether a noun follows the weather's word, naming a thing ("heat pump", "the storm drain"). */
function compound(text: string, word: string): boolean {
  const next = parse(text).match(`${word} [.]`, 0).first()
  return next.has('#Noun') && !next.has('(#Date|#Pronoun|#Possessive|here|there|everywhere)')
}

/** "the heat's off", "heat is not working": the heating, not the weather. */
const HEATING =
  /\bheat\b(?:['’]s|\s+(?:is|was|has been|been|still|isn['’]t|wasn['’]t))*\s+(?:off|on|out|back|not|working|broken)\b/iu

/** A unit asked for ("temperatures in Fahrenheit", "wind in knots please"): a preference. */
const IN_UNIT = new RegExp(String.raw`\b(?:in|as)\s+${UNIT}(?![\p{L}])`, 'iu')

/** Weather doing harm to something ("flooded the cellar", "knocked the power out"). */
const HARM =
  /\b(?:(?:came|come|comes|is|are|was|were)\s+down|flood\p{L}*|damag\p{L}*|knock\p{L}*|blew|blown|took(?:\s+[\p{L}-]+){0,4}?\s+(?:out|off|down|away)|wreck\p{L}*|destroy\p{L}*|ruin\p{L}*|broke|broken|tore|torn|snapp\p{L}*|cut (?:off|out)|fell|fallen|brought down|washed (?:out|away)|cancel\p{L}*|delay\p{L}*|closed|shut)\b/iu

/**
 * Whether a clause is only a remark on the weather, the day's news that no one keeps: "Sure the
 * weather's only desperate, 40 knots gusting last night", "Ay, this grey weather is killing me",
 * "It is already minus 10 here in the morning brr", "man its hot already and its only april",
 * "Smoke from the Idaho fires". Not when something of the person's is in it or harmed by it ("the
 * rain flooded the cellar", "it's so hot my phone keeps shutting down"), nor when a thing is hot or
 * cold ("the walk-in is at 7 degrees", "it's too hot" with nothing of the day).
 *
 * @example weatherTalk('Ay, this grey weather is killing me') // true
 * @example weatherTalk('the storm took the polytunnel roof off') // false
 */
export function weatherTalk(clause: string): boolean {
  const text = clause.trim()
  const m = SKY_TALK.exec(text)
  if (!m) return false
  const rest = text.slice(m[0].length)
  const { sky, either, degrees } = m.groups ?? {}
  if (sky !== undefined && compound(text, sky)) return false
  if ((either ?? degrees) !== undefined && !OF_THE_DAY.test(rest)) return false
  // "freezing" is a trouble's word for a screen, not for the day it names.
  return (
    !/\b(?:my|our|mine|ours)\b/iu.test(text) &&
    !HARM.test(text) &&
    !IN_UNIT.test(text) &&
    !HEATING.test(text) &&
    !STRONG_ISSUE.test(rest)
  )
}
