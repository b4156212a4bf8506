/** Small text helpers shared by the analyzer. Pure and deterministic. */

import { letterEdges } from './word-boundary'

const CONTRACTIONS: [RegExp, string][] = [
  [/\b(can)['’]?t\b/giu, '$1not'],
  [/\bwon['’]t\b/giu, 'will not'],
  [
    /\bwont\b(?=\s+(?:be|let|work|start|boot|load|connect|turn|open|sync|print|stop|go))/giu,
    'will not',
  ],
  [/\bain['’]t\b/giu, 'is not'],
  [
    /\b(do|does|did|is|are|was|were|has|have|had|should|would|could|must|need)n['’]t\b/giu,
    '$1 not',
  ],
  [/\b(do|does|did|is|are|was|were|has|have|had|should|would|could)nt\b/giu, '$1 not'],
  [/\bcant\b/giu, 'cannot'],
  [/\b(i)['’]m\b/giu, '$1 am'],
  [
    /\bim\b(?=\s+(?:a|an|the|not|so|now|still|currently|allergic|from|in|at|on|off|based|working|going|trying|moving|looking|vegan|vegetarian|married|engaged|single|divorced|pregnant|retired|freelance|self-employed|unemployed|\w+ing\b)|\s+\p{L}+,)/giu,
    'I am',
  ],
  // "Im Dom Kowalczyk, I paint bridges", "kia ora im Tane Tuuta": a name follows, capitalised,
  // and ends the clause ("im Sommer" in German is another language's and is not analysed).
  [/\b[Ii]m\b(?=\s+\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}\s*(?:[,;.!?]|$))/gu, 'I am'],
  [/\b(i|you|we|they)['’]ve\b/giu, '$1 have'],
  [/\bive\b/giu, 'I have'],
  [/\b(i|you|we|they|he|she|it)['’]ll\b/giu, '$1 will'],
  [/\b(i|you|we|they|he|she)['’]d\b/giu, '$1 would'],
  [/\b(you|we|they)['’]re\b/giu, '$1 are'],
  // "it's been 6 weeks", "she's got Parkinson's": "has", not "is".
  [/\b(it|that|there|he|she)['’]s\s+(?=(?:been|got)\b)/giu, '$1 has '],
  // "tom's gone freelance", "she's gone back to nights": "has gone" before where or what to.
  [/\b(\p{L}+)['’]s\s+(?=gone\s+(?!now\b|again\b|too\b|as well\b)\p{L})/giu, '$1 has '],
  // "it's Wythenshawe no more", "Brightwave no more, I'm with Orbit now": a name that holds no longer,
  // said as "not Wythenshawe any more" is ("no more than", "no more pain" are other things).
  [
    /(^|[,;:.!?—–]\s*|\b(?:it|that)(?:['’]s|\s+is)\s+|\bits\s+)(?!I\b)((?:the\s+)?\p{Lu}[\p{L}\p{N}'’&-]*(?:\s+\p{Lu}[\p{L}\p{N}'’&-]*){0,3})\s+no\s+more\b(?!\s+than\b)/gu,
    '$1not $2 any more',
  ],
  [/\b(it|that|what|where|who|when|how|there|here|he|she)['’]s\b/giu, '$1 is'],
  [
    // "at St Mary's in Leeds", "from Nando's on the corner": a place named for its owner stays so.
    /(?<!\b(?:at|to|from|near|outside|St\.?|Saint)\s+(?:St\.?\s+|Saint\s+)?)\b(\p{L}+)['’]s\s+(?=(?:coming|going|due|on|at|every|done|sorted|fixed|broken|written|booked|sent|paid|moving|starting|leaving|back|down|up|still|now|in|from|called|named|a|an|the|my|our|not|fine|working|gone|over|finished|ready|all good|good now|better|fine now|working again|back to)\b)/giu,
    '$1 is ',
  ],
  [/\bwhats\b/giu, 'what is'],
  [/\bwen\b/giu, 'when'],
  [/\bwhr\b|\bwher\b/giu, 'where'],
  [/\bwats\b/giu, 'what is'],
  [/\bwat\b|\bwut\b/giu, 'what'],
  [/\b(?:tmrw|tmw|tmr|tomoz|2moro|2morrow|tommorow|tomorow)\b/giu, 'tomorrow'],
  [/\b(have|has|had)nt\b/giu, '$1 not'],
  [/\b(?:havent)\b/giu, 'have not'],
  [/\bw\/\s*/giu, 'with '],
  [/\bb4\b/giu, 'before'],
  [/\bthx\b|\bty\b/giu, 'thanks'],
  [/\bwheres\b/giu, 'where is'],
  [/\bwhos\b/giu, 'who is'],
  [/\bwhens\b/giu, 'when is'],
  [/\bthats\b/giu, 'that is'],
  [/\bdont\b/giu, 'do not'],
  [/\bdoesnt\b/giu, 'does not'],
  [/\bdidnt\b/giu, 'did not'],
  [/\bisnt\b/giu, 'is not'],
  [/\bgonna\b/giu, 'going to'],
  [/\bwanna\b/giu, 'want to'],
  [/\bgotta\b/giu, 'have to'],
  [/\bu\b/gu, 'you'],
  [/\bur\b/gu, 'your'],
  [/\bpls\b|\bplz\b/giu, 'please'],
  [/\b(?:shld|shud)\b/giu, 'should'],
  [/\b(?:wud)\b/giu, 'would'],
  [/\b(?:cud)\b/giu, 'could'],
  [/\b(?:probs|prolly|prob)\b(?=\s+\p{L})/giu, 'probably'],
  [/\b(?:defo|deffo)\b/giu, 'definitely'],
  [/\b(?:rly)\b/giu, 'really'],
  [/\b(?:srsly)\b/giu, 'seriously'],
  [/\b(?:abt)\b/giu, 'about'],
  [/\b(?:appt)\b/giu, 'appointment'],
  [/\b(?:mtg)\b/giu, 'meeting'],
  [/\b(?:thru)\b/giu, 'through'],
  [/\b(?:nxt)\b/giu, 'next'],
  [/\b(?:tho)\b/giu, 'though'],
  [/\b(?:cuz|coz|cos)\b/giu, 'because'],
  [/\b(?:ppl)\b/giu, 'people'],
  [/\b(?:tonite|2nite)\b/giu, 'tonight'],
  [/\b(?:2day)\b/giu, 'today'],
  [/\b(?:wk)\b/giu, 'week'],
  [
    /\b(?:hes)\b(?=\s+(?:a|an|the|my|not|so|now|still|at|in|on|from|going|working|\w+ing)\b)/giu,
    'he is',
  ],
  [/\b(?:shes)\b/giu, 'she is'],
  // "hows my mum job", "hows the knee": "how's" typed without its apostrophe.
  [
    /\bhows\b(?=\s+(?:my|your|his|her|our|their|the|it|that|this|things|life|work|everything)\b)/giu,
    'how is',
  ],
  [/\b(?:theyre)\b/giu, 'they are'],
  [/\b(?:youre)\b/giu, 'you are'],
  [/\b(?:isnt)\b/giu, 'is not'],
  [/\b(?:wasnt)\b/giu, 'was not'],
  [/\b(?:arent)\b/giu, 'are not'],
  [/\b(?:couldnt)\b/giu, 'could not'],
  [/\b(?:wouldnt)\b/giu, 'would not'],
  [/\b(?:shouldnt)\b/giu, 'should not'],
  [/\b(?:hasnt)\b/giu, 'has not'],
  [/\b(?:id)\b(?=\s+(?:rather|prefer|like|love|say|need|better)\b)/giu, 'I would'],
  [
    /\b(?:ill)\b(?=\s+(?:be|need|have|call|do|get|try|send|book|pick|ring|email|text|see|check)\b)/giu,
    'I will',
  ],
]

// Word edges of every script: "Bárður", "Ġużeppi" hold no "ur" or "u" to spell out.
const SPELLED_OUT: [RegExp, string][] = CONTRACTIONS.map(([re, to]) => [letterEdges(re), to])

/**
 * Spells contractions and common chat shorthand out ("I'm" → "I am", "can't" → "cannot", "dont" →
 * "do not"), keeping the case of everything else, so one pattern covers every way of typing it.
 */
export function expand(text: string): string {
  let out = text.replace(/[’‘]/gu, "'").replace(/[“”]/gu, '"')
  for (const [re, to] of SPELLED_OUT) out = out.replace(re, to)
  // A lone lowercase "i" is the pronoun.
  return out.replace(/(^|[\s,;(])i(?=[\s,;.!?)]|$)/gu, '$1I')
}

/** Removes trailing punctuation, emoji and filler a stored sentence should not keep. */
export function tidy(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .replace(/^[\s,;:–—-]+/u, '')
    .replace(
      /(?:[\s,;]+(?:lol|lmao|haha+|hah|heh|ugh|thanks|thank you|thx|please|pls|btw|fyi|tbh|ok|okay|:\)|:\(|:D|;\)|xD|fight me|sue me|(?:don't|do not|dont) judge(?: me)?|no judg(?:e)?ment|no shame))+[\s.!?]*$/iu,
      '',
    )
    .replace(/[\s.!?,;:–—-]+$/u, '')
    .replace(/\s*\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*\s*$/u, '')
    .replace(/[\s.!?,;:–—-]+$/u, '')
    .trim()
}

/** First letter upper-cased. */
export const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
/** First letter lower-cased, unless the first word is a name or "I". */
export const lowerFirst = (s: string): string =>
  /^(?:I\b|[A-Z]{2,}|[A-Z][a-z]+[A-Z])/u.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1)

/** Lower case, letters and digits only, single spaces. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s/+#.-]/gu, ' ')
    .replace(/(?<!\p{N})\.|\.(?!\p{N})/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
}

const STOP = new Set(
  (
    'a an the and or but so of to in on at for from with by about into over after before up down out ' +
    'is am are was were be been being do does did have has had having will would shall should can could ' +
    'may might must i me my mine myself you your yours we our us they them their he him his she her it its ' +
    'this that these those there here what which who whom whose when where why how not no yes please ' +
    'just really very also too still now then than as if because while some any all each every my own ' +
    'tell know remember said say told mention mentioned thing things something anything stuff ' +
    'again ever already yet get got going go went gonna want need like'
  ).split(' '),
)

/** Content words of `text` (lower case, no stop words), in order. */
export function contentWords(text: string): string[] {
  return normalize(text)
    .split(' ')
    .filter((w) => w.length > 1 && !STOP.has(w))
}

/** Whether `word` is a function word the analyzer ignores when comparing texts. */
export const isStopWord = (word: string): boolean => STOP.has(word.toLowerCase())
