/** Openers people put before news of the day ("eish", "ugh", "honestly", "man"). */
const OPENER = String.raw`(?:(?:eish|ugh|argh|wow|whoa|man|honestly|ngl|tbh|so|and|also|oh|damn|geez|jeez|sheesh|smh|btw|fyi|lol|haha|yikes|crikey|blimey|ayy?o?)[\s,!.]+)*`

/**
 * What a market sets, named by what is sold: "feed price", "gas prices in Houston", "the price of
 * diesel", "flower rate", "beef schedule", "cost of living", or fuel itself. A rate that measures
 * the person or their work ("heart rate", "hourly rate", "response rate") is not one.
 */
const MARKET_THING = String.raw`(?:(?:the\s+)?(?:price|cost)s?\s+(?:of|for)\s+(?:a\s+|an\s+|the\s+)?(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+|(?:the\s+)?cost\s+of\s+living|(?:the\s+)?(?!(?:my|our|your|his|her|their|its|this|that|these|those|a|an|the|heart|pulse|resting|respiratory|breathing|hourly|daily|day|night|weekly|monthly|room|hire|call[\s-]?out|response|success|failure|error|conversion|click|open|bounce|pass|fail|attendance|turnover|birth|death|crime|tax)\b)(?:[\p{L}-]+\s+){1,2}(?:prices?|rates?|schedule|tariffs?)|(?:the\s+)?prices|(?:fuel|petrol|diesel|gas|gasoline)(?:\s+prices?)?)`

/** Where that market is ("in Houston", "at the pump", "here", "this week"). */
const WHERE = String.raw`(?:\s+(?:in|at|around|across|over|on)\s+(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?|\s+(?:here|there|everywhere|lately|again|now|this\s+(?:week|month|year|season)))*`

/**
 * How it has moved, what it stands at, or what is thought of it: "up 20c", "down again", "don
 * increase", "2.10 a litre", "hit a record high", "plumb crazy".
 */
const MOVED = String.raw`(?:['’]s|\s+(?:is|are|was|were|r|has|have|had|went|goes|go|going|gone|keeps?|kept|don|dey|done|just|still|been|getting|got))*\s+(?:(?:been|gone|going|just|still|again|already|now|all|way|even|so|really|very|plumb|proper|bloody|totally|absolutely|too|getting|more|keep|keeps)\s+)*(?:(?:up|down)(?!\s+(?:on|at|in|for|here|there|online|the)\s+(?!last\b)\p{L})|increas\p{L}*|ris(?:e|es|ing|en)|rose|fall(?:s|ing|en)?|fell|dropp?(?:ed|ing|s)?|climb\p{L}*|skyrocket\p{L}*|soar\p{L}*|crash\p{L}*|tank(?:ed|ing)|spik(?:e|ed|ing)|through the roof|crazy|mad|insane|nuts|ridiculous|criminal|a joke|daylight robbery|shocking|terrible|awful|silly|stupid|outrageous|extortionate|high|higher|low|lower|cheap|cheaper|expensive|dearer|steep|killing|hit\s+(?:a\s+)?(?:new\s+|record\s+)*(?:high|low|\p{Sc}?\d)|\p{Sc}?\d[\d.,]*\s*(?:[\p{L}]+\s+)?(?:a|an|per|\/)\s*(?:litre|liter|l|gallon|gal|kilo|kg|bag|sack|crate|tray|tonne|ton|bushel|pound|lb|dozen|head|barrel|bottle|loaf|unit))\b`

const MARKET_NEWS = new RegExp(`^${OPENER}(${MARKET_THING})${WHERE}${MOVED}`, 'iu')

/** The person in it as doer or owner: "my", "I'm selling", "we". An object ("good for us") is not. */
const OWNED = /\b(?:I|I['’](?:m|ll|ve|d)|im|my|mine|we|we['’](?:re|ll|ve)|our|ours)\b/iu

/**
 * Whether a clause is only market news, how prices move or what they are like, with nothing of
 * the person's own in it: "Nickel price down again, company will not happy", "Beef schedule's up
 * 20c, farmers will be stoked", "fuel's up again 90p a litre", "Gas prices in Houston are plumb
 * crazy". The person's own prices and rates ("my rate is going up to £45", "we put our prices up")
 * and a thing of theirs that is up ("the new schedule is up on the board") are still theirs.
 *
 * @example marketNews('Feed price don increase again') // true
 * @example marketNews('my hourly rate is going up to £45 in April') // false
 */
export function marketNews(clause: string): boolean {
  const text = clause.trim()
  const m = MARKET_NEWS.exec(text)
  if (!m || OWNED.test(text)) return false
  // "the schedule is up" is posted; "beef schedule's up 20c" has moved by an amount.
  return !/schedule$/iu.test(m[1]!) || /\d/u.test(text)
}
