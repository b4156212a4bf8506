import { capture, type Rule } from './capture'
import { anchorDate, dueOf, findDate, findSchedule } from './dates'
import { PROFESSIONAL, TRANSIENT, RELATION_PATTERN, isJob } from './lexicon'
import { isNoteToSelf } from './subject-drop'
import { isPastStatement, parse } from './nlp'
import { STRONG_ISSUE, TASK_CUE } from './cues'
import { readKind } from './kind-reader'
import { changedValue } from './value-change'
import { diaryLine } from './diary-line'
import { thingInTrouble } from './thing-in-trouble'

const ABOUT_ME = /\b(?:I|me|my|mine|myself|we|us|our|ours)\b/u
const THIRD_PARTY = new RegExp(
  `^(?:(?:his|her|their)\\s+\\w+|(?:he|she|they)\\b|\\p{Lu}[\\p{L}'-]+(?:'s)?\\s+(?:has|have|is|goes|works|lives|starts|needs|takes|visits|plays|does|gets|turns|comes|is allergic)\\b|(?:${RELATION_PATTERN})(?:'s)?\\s+\\w+)`,
  'iu',
)

/** Medicines, doses and conditions: what someone in the person's care needs. */
const CARE =
  /\b\d+(?:\.\d+)?\s?(?:mg|mcg|ml|units?)\b|\b(?:tablets?|pills?|inhaler|insulin|epipen|epi-pen|medication|meds|prescription|prescribed|injections?|allergic|allergy|asthma|diabetes|diabetic|epilepsy|epileptic|dementia|arthritis|eczema)\b/iu

const OPINION =
  /\b(?:in my (?:view|opinion)|imo|imho|do not @ me|don't @ me|hot take|unpopular opinion|fight me|change my mind|just saying|is a sieve|brain is)\b|^(?:I|we)\s+(?:actually\s+|finally\s+)?did it\b|^I\s+(?:keep forgetting|misread|misspoke|mistyped|forgot)\b|^I\s+am\s+not\s+(?:convinced|sure|certain)\b/iu
const SMALL_TALK =
  /^(?:I\s+(?:am|was)\s+(?:just\s+|only\s+)?(?:kidding|joking|curious|wondering|testing|checking|asking|saying)|I\s+(?:think|feel|guess|believe|suppose|reckon|bet|hope|wish|wonder|mean)\s+(?!I\b|my\b|we\b|our\b)|I\s+(?:had|have had)\s+(?:a|an)\s+(?:good|great|nice|long|rough|bad|busy|crazy|lovely|fun|terrible|awful|productive)\s+(?:day|week|weekend|night|morning|time)|I\s+(?:went|got)\s+(?:to\s+)?(?:bed|sleep|home|back)|I\s+(?:just\s+)?(?:ate|watched|saw|read|played|finished watching)\b.*\b(?:today|tonight|yesterday|last night|this morning)\b|I\s+(?:love|like|hate)\s+(?:it|this|that|you|how|when you)\b(?!.*\b(?:answer|explain|reply|format)))/iu

/** Said to hold for today only: "today only", "just for tonight", "only today". */
const ONE_DAY =
  /\b(?:today|tonight|this (?:morning|afternoon|evening)) only\b|\b(?:only|just) (?:for )?(?:today|tonight|the day)\b/iu

const EVALUATIVE =
  /^nothing beats\b|\b(?:is|are|was|were|seems?|looks?|sounds?)\s+(?:so\s+|such\s+|really\s+|very\s+|pretty\s+|kind of\s+|kinda\s+|a bit\s+|too\s+|chronically\s+|totally\s+|absolutely\s+|honestly\s+|just\s+|way\s+)*(?:an?\s+)?(?:nice|great|good|bad|awful|terrible|amazing|awesome|cool|overrated|underrated|overkill|beautiful|ugly|boring|interesting|fun|funny|hilarious|weird|crazy|insane|wild|best|worst|better|worse|underfunded|overpriced|expensive|cheap|lovely|gorgeous|horrible|brilliant|genius|stupid|dumb|silly|ridiculous|annoying|pointless|useless|the future|a joke|a scam|dead|dying)\b/iu
const WORLD =
  /^(?:the (?:news|weather|economy|government|market|traffic)|everyone|everybody|people|they say|apparently|did you (?:hear|see|know)|I (?:heard|read|saw)\b|fun fact|random fact|did you know)\b/iu
/**
 * A line for the diary, as people jot one: "dentist tomorrow at 9", "haircut Saturday 10am",
 * "parents evening thurs 6pm" — a thing and when, no verb. Short, starting with the thing.
 */
function agenda(text: string, dated: boolean): boolean {
  const words = text.split(/\s+/u).length
  return (
    words >= 2 &&
    words <= 8 &&
    (dated || findSchedule(text) !== null || /\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b/iu.test(text)) &&
    // A day or a time, not only "the weekend" ("weekend plans: nothing", "lekker weekend").
    /\d|\b(?:mon|tues?|wed|weds|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?s?\b|\b(?:tomorrow|tmrw|tonight|today|next week|next month)\b/iu.test(
      text,
    ) &&
    !/:\s*$|\b(?:nothing|none|nada|nowt|no plans)\b/iu.test(text) &&
    !/^(?:hi|hey|hello|morning|evening|night|thanks|thank|happy|merry|good|see|bye|lol|ok|okay|yes|no|same|also|and|but|so|what|when|where|who|why|how|which|today|tonight|tomorrow|yesterday)\b/iu.test(
      text,
    ) &&
    parse(text).match('^#Noun').not('#Pronoun').found
  )
}

/**
 * "my GP Dr Anand in Bury", "our lad's school, St Mary's": someone or somewhere of theirs named
 * without a verb, left to the learned reader rather than turned away. Not a correction, a new
 * value or a greeting ("new number: …", "happy Friday from Leeds").
 */
function namedOfMine(text: string, words: number, correction: boolean): boolean {
  return (
    words >= 2 &&
    !correction &&
    /\b(?:my|our)\b/iu.test(text) &&
    /(?<=\S\s+)\p{Lu}/u.test(text) &&
    changedValue(text) === null &&
    !/^(?:happy|merry|back|cheers|thanks|thank|congrats|congratulations|hi|hey|hello|good|welcome|morning|evening|night|bye|see|love|lol|haha|omg|yay|ugh|oh|ah|well|new)\b/iu.test(
      text,
    )
  )
}

/** The weather, said as it is ("it's been raining for 9 days", "bloody freezing up this oak today"). */
const WEATHER =
  /^(?:(?:ngl|honestly|tbh|god|ugh|man|bloody|so|and|in\s+[\p{Lu}][\p{L}-]+(?:\s+now)?)[\s,]+)*(?:it(?:['’]s|\s+is|\s+was|\s+has been|['’]s been)\s+(?:\p{L}+\s+){0,2}?|the weather\b.*|(?:bloody|so|absolutely|proper)\s+)(?:rain\p{L}*|snow\p{L}*|pouring|drizzl\p{L}*|chucking it down|freezing|baltic|cold|hot|roasting|sweltering|boiling|windy|stormy|icy|humid|grim|miserable)\b/iu

/**
 * Whether a clause read as a problem is only the weather: no one's thing is broken by it ("the
 * minibus won't start in the cold" names one, and is a problem).
 */
const weatherTalk = (text: string): boolean =>
  WEATHER.test(text) && !/\b(?:my|our)\b/iu.test(text) && !STRONG_ISSUE.test(text)

/**
 * "drunk lad just tried to pay me", "the delivery guy left my parcel with next door": someone else
 * did something, said in the simple past. Not the person after a label ("background: I grew up…"),
 * not care given ("physio gave me a strap"), not a name or place said with "called" or "based at",
 * a new value ("switched me to 1000mg") or what someone told the person.
 */
function someoneDid(text: string): boolean {
  const verb = parse(text).verbs().first()
  const said = verb.text()
  const before = text.slice(0, Math.max(0, text.indexOf(said)))
  return (
    verb.found &&
    verb.has('#PastTense') &&
    !verb.has('(#Copula|#Auxiliary|#Passive|#Participle)') &&
    before.trim() !== '' &&
    // "bit of background: I grew up on a farm" is the person's; "physio gave me a strap" is care given.
    !/[,:;]|\b(?:I|we)\b/u.test(before) &&
    !isJob(before.trim()) &&
    !PROFESSIONAL.test(before.trim()) &&
    !/\d/u.test(text) &&
    // "Gareth left so now I report to Nina": someone gone from a place they held is news for it.
    !/^(?:\w+\s+)?(?:left|quit|retired|resigned)(?:\s+(?:so|and|but|now|last|this|recently)\b|$)/iu.test(
      text.slice(before.length),
    ) &&
    // "office relocated to Farringdon": where a thing of theirs is now.
    !new RegExp(
      `${said.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\s+(?:back\\s+)?to\\s+\\p{Lu}`,
      'u',
    ).test(text) &&
    !/^(?:\w+\s+)?(?:called|named|based|located|born|told|said|asked|wrote|switched|moved|changed|put|upped|lowered|increased|reduced)\b/iu.test(
      said,
    )
  )
}

/**
 * What the specific rules did not read but is plainly about the person, their people or their
 * work: filed by its cues (a problem, something to do, a like or dislike, otherwise a fact).
 */
export const general: Rule = ({ text, explicit, now, correction }) => {
  const words = text.split(/\s+/u).length
  if (words < 2 && !explicit) return null
  const aboutMe = ABOUT_ME.test(text)
  const dated = findDate(text, now)
  const third =
    THIRD_PARTY.test(text) &&
    ((dated !== null &&
      !/^(?:today|tonight|yesterday|this morning|last night|now)$/iu.test(dated.phrase)) ||
      findSchedule(text) !== null ||
      /\b(?:allergic|birthday|teacher|vet|doctor|school|works?|lives|job)\b/iu.test(text))
  const label = /^[\p{L}][\p{L} '-]{0,30}:\s+(.+)$/u.exec(text)
  const note =
    isNoteToSelf(text) ||
    (label !== null && isNoteToSelf(label[1]!)) ||
    /,\s+(?:sort|do|pay|fix|send|book|file|sign|finish|handle|deal with|renew|return|call)\s+(?:it|that|them)\b/iu.test(
      text,
    )
  const thing =
    !/^(?:you|he|she|they|it|everyone|everybody|people)\b/iu.test(text) &&
    (STRONG_ISSUE.test(text) || thingInTrouble(text, now, dated !== null)) &&
    !/\bkeeps?\s+(?:getting\s+better|improving|growing)\b/iu.test(text)
  // A specific statement (names, numbers, a date) typed to a personal assistant is about the
  // person's life unless it is an opinion about the world or news about others.
  const specific =
    words >= 3 &&
    (dated !== null ||
      findSchedule(text) !== null ||
      /\d/u.test(text) ||
      /(?<=\S\s+)\p{Lu}/u.test(text) ||
      /\p{L}'s\b/u.test(text)) &&
    !EVALUATIVE.test(text) &&
    !WORLD.test(text)
  if (!aboutMe && !third && !note && !thing && !specific && !explicit) return null
  if (!explicit) {
    if (OPINION.test(text) || WORLD.test(text)) return null
    // "it's been three weeks", "I've got work in an hour": context, not something to keep.
    if (/^(?:it|that|this|there)\s+(?:is|has|was)\b/iu.test(text) && words <= 8 && !thing)
      return null
    if (
      /\b(?:in an hour|in a minute|in a few minutes|right now|rn|atm|at the moment)\b/iu.test(
        text,
      ) &&
      !note &&
      !TASK_CUE.test(text)
    )
      return null
    // "I read them on my phone", "we are going": a pronoun object or no content word says nothing on its own.
    if (
      /^(?:I|we)\s+(?:\w+\s+){0,2}(?:them|it|those|these|that|the rest|the others|everything else|the same|both)\b/iu.test(
        text,
      ) &&
      words <= 7
    )
      return null
    if (
      words <= 4 &&
      !parse(text).nouns().not('#Pronoun').found &&
      !thing &&
      !note &&
      !/^I\s+am\s+(?!not\b)\S+$/iu.test(text)
    )
      return null
    if (
      !parse(text).has('#Verb') &&
      !/^(?:I|we)\s+\w+\s+\w+/u.test(text) &&
      !note &&
      !thing &&
      !agenda(text, dated !== null) &&
      !namedOfMine(text, words, correction)
    )
      return null
    // Other people's doings ("my roommate eats bacon", "my neighbour's cat had kittens") are theirs.
    if (
      new RegExp(
        `^(?:(?:my|our|\\p{Lu}\\p{Ll}+'s)\\s+(?:\\w+\\s+)?)?(?:${RELATION_PATTERN}|mate|buddy|pal|bestie|class \\w+)(?:'s\\s+\\w+)?\\s+(?!is\\b|are\\b|works?\\b|lives?\\b|has\\s+(?:a|an|her|his|their)\\s+(?:birthday|appointment)|goes to|studies|teaches|turns|turned|was born)`,
        'iu',
      ).test(text) &&
      !findSchedule(text) &&
      (dated === null || Date.parse(dated.iso) < now.getTime() || isPastStatement(text)) &&
      !/\b(?:appt|appointment|app)\b/iu.test(text) &&
      // "my brother owes me 200 quid": theirs, but it concerns the person.
      !/\b(?:owes?|owed|lent|loaned|borrowed|gave|sent|paid|bought|promised)\s+(?:me|us)\b|\bborrowed\s+(?:my|our)\b/iu.test(
        text,
      ) &&
      // Their health is the person's to keep track of ("my mum takes amlodipine 5mg").
      !CARE.test(text)
    )
      return null
    if (SMALL_TALK.test(text)) return null
    // "shore leave in Southampton today only": a situation that is over by tomorrow.
    if (ONE_DAY.test(text) && !TASK_CUE.test(text) && !STRONG_ISSUE.test(text)) return null
    // A day's events ("I had pizza for lunch", "we had a lovely weekend", "woke up at 5 again") are
    // not facts about a life, unless they say something lasting ("got married in 2019").
    const lasting =
      /\b(?:in (?:19|20)\d\d|for \d+ (?:years|months)|since|born|married|engaged|divorced|graduated|studied|moved|bought a (?:house|flat|car|home|place)|adopted|years ago|diagnosed)\b/iu.test(
        text,
      )
    if (!lasting && !STRONG_ISSUE.test(text)) {
      if (
        /^(?:I|we)\s+(?:just\s+|finally\s+|also\s+|actually\s+)?(?:had|went|saw|watched|ate|laughed|woke up|spent|got back|came back|met up|visited|played|listened|read|cooked|walked|ran|tried|drank|chatted|slept|napped|cleaned|binged|scrolled)\b/iu.test(
          text,
        )
      )
        return null
      if (
        /\b(?:today|tonight|this (?:morning|afternoon|evening)|last night|yesterday|earlier|just now)\b/iu.test(
          text,
        ) &&
        isPastStatement(text)
      )
        return null
      // "drunk lad just tried to pay me in Greggs vouchers", "one of the boys got into Arsenal
      // academy": what someone else did is a story of theirs, unless it sets up a day ahead.
      if (
        !/^(?:I|we|my|our)\b/iu.test(text) &&
        !note &&
        someoneDid(text) &&
        (dated === null || Date.parse(dated.iso) <= now.getTime()) &&
        !['issue', 'task'].includes(readKind(text, now, dated !== null).kind)
      )
        return null
    }
    if (
      /^I\s+(?:really\s+)?need\s+(?:a|an|some)\s+(?:holiday|vacation|break|nap|drink|coffee|beer|rest|hug|day off|sleep)\b/iu.test(
        text,
      )
    )
      return null
    if (/^I\s+(?:\w+\s+)?(?:love|like|hate|adore)\s+(?:this|that|these|those)\b/iu.test(text))
      return null
    if (/^I\s+(?:have not|did not|am not)\s+\w+(?:\s+\w+)?$/iu.test(text)) return null
    const m = /^I\s+am\s+(.+)$/iu.exec(text)
    if (m && TRANSIENT.test(m[1]!) && words < 8 && findSchedule(text) === null) return null
  }
  // What the rules let through but reads, to the learned reader, more like chat than like any one
  // kind of memory ("bloody freezing this morning", "Valentine's is going to be mental") is not
  // kept: "nothing to keep" needs to be its likeliest reading, not more likely than all the kinds
  // together (that let through as many wrong items on blind text and kept no more right ones).
  // "I have nothing to do today", "got loads on this week": how busy they are, nothing to keep.
  if (
    /^(?:I|we)\s+(?:have got|have|got)\s+(?:nothing|a lot|lots|loads|too much|so much|plenty|tons|a ton|a million things|a mountain)\s+(?:to do|on|going on)\b/iu.test(
      text,
    )
  )
    return null
  const learned = readKind(text, now, dated !== null)
  const entry = !parse(text).has('#Verb') && agenda(text, dated !== null)
  if (!explicit && !note && !entry && learned.best.kind === 'none') return null
  const date = dated
  const stored = date ? anchorDate(text, date, now) : text
  // "booked the confocal for Saturday night": what they arranged is on the calendar, not to do.
  const arranged =
    /^(?:I|we)\s+(?:have\s+|just\s+|finally\s+)*(?:booked|scheduled|rescheduled|arranged)\b/iu.test(
      text,
    )
  const kind = note
    ? 'task'
    : entry || (arranged && learned.kind === 'task') || diaryLine(text, now)
      ? 'fact'
      : learned.kind
  if (kind === 'task') return [capture('task', stored, { due: dueOf(date), correction })]
  if (kind === 'issue') return weatherTalk(text) ? null : [capture('issue', text, { correction })]
  if (kind === 'preference') return [capture('preference', text, { correction })]
  // "we close at 6 on Saturdays" comes round every week: no one day is due.
  const schedule = findSchedule(text)
  if (schedule !== null) return [capture('fact', text, { due: null, schedule, correction })]
  return [capture('fact', stored, { due: dueOf(date), schedule, correction })]
}
