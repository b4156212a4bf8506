/**
 * Units of measure and money a person may ask to be answered in: temperature, distance, speed,
 * weight, volume, blood sugar, time of day and currencies. A kind of word, not example sentences.
 */
export const UNIT =
  '(?:celsius|centigrade|fahrenheit|metric|imperial|miles|kilometres|kilometers|km|kms|metres|meters|feet|foot|inches|cm|kilos|kg|kgs|grams|ounces|oz|pounds|lbs|stone|litres|liters|gallons|pints|ml|knots|mph|km/h|kph|kmh|mmol(?:/l)?|mg/dl|24h|24-hour|24 hour|12h|12-hour|12 hour|am/pm|euros?|dollars?|sterling|pounds sterling|gbp|usd|eur|aud|cad|nzd|inr|mxn|rand|rands|naira|cedis|shillings|rupees|pesos|yen|yuan|ringgit|baht|dram|drams|lari|dirhams?|riyals?|francs)'

/** What a unit measures, as people name it ("temps", "weights", "glucose", "wind"). */
export const MEASURE =
  '(?:temperatures?|temps|weather|distances?|weights?|times?|clock|prices?|money|amounts?|costs?|measurements?|units|recipes?|currency|dates|speeds?|wind|heights?|lengths?|volumes?|fuel|mileage|glucose|blood sugars?|sugars?|readings?|quantities|sizes?|figures|numbers)'

const POLITE =
  /^(?:(?:please|pls|kindly|just)\s+|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?)*(?:(?:give|show|tell)\s+me|do|use|put|send)?\s*(?:the\s+|all\s+|my\s+|your\s+)?/iu

/**
 * The unit a person asks things to be given in, said as a request without a verb of liking:
 * "weights in kilos not pounds", "can you give me temps in celsius pls, I'm Canadian", "glucose in
 * mmol please not mg/dL", "Please prices in dram and in dollars both". Null when the phrase is not
 * a measure in a unit ("the weather in Paris", "I ran 5 miles in 40 minutes").
 *
 * @example unitAsked('wind in knots please, none of this km/h nonsense')
 * // { unit: 'knots', said: 'wind in knots' }
 */
export function unitAsked(text: string): { unit: string; said: string } | null {
  const core = text.trim().replace(POLITE, '')
  const m = new RegExp(
    `^(?:[\\p{L}-]+\\s+){0,2}?${MEASURE}\\s+(?:in|as)\\s+(${UNIT})(?:\\s+(?:and|or)\\s+(?:in\\s+)?${UNIT})?(?:\\s+(?:both|only|please|pls|from now on|instead|too|as well))*(?=$|[\\s,.!;:–—-])(?:\\s*[,.;:–—-]?\\s*(?:not|rather than|instead of|never|none of|no)\\b.*|\\s*[,.;:–—-]\\s*.*)?$`,
    'iu',
  ).exec(core)
  if (!m) return null
  // What was asked, without the reason given after it or the "please".
  const said = core
    .split(/\s*[,;:–—]\s*|\s+-\s+/u)[0]!
    .replace(/\s+(?:please|pls)\b/giu, '')
    .trim()
  return { unit: m[1]!, said }
}
