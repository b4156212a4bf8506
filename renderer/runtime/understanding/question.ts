import { askedLast } from './asked-last'
import { asksOfSomeone } from './asks-of-someone'
import { asksByNaming } from './named-lookup'
import { standardQuestion } from './question-words'
import { dueWindow } from './dates'
import { RELATION_PATTERN, canonical } from './lexicon'
import { contentWords, expand, isStopWord, tidy } from './text'
import { unitAsked } from './units-asked'
import type { AskWord, Question } from './types'

const ASK_START =
  /^(?:what|what's|whats|where|when|who|whom|whose|why|how|which|(?:do|does|did|am|are|is|was|were|can|could|have|has|had|should|will|would)\s+(?:I|you|we|my|it|there|they|he|she|the|any|a|an|this|that)\b|any|anything|tell me|remind me (?:what|where|when|who|why|how|which|of|about)|list|show me|by when|(?:until|till|til|untill) when|since when|how come|(?:in|at|on|for|from|with|to|by) (?:which|what|whom|whose)\b)\b/iu

/**
 * Asking without a question's shape: "I can't remember what my gate code is", "forgot where I parked",
 * "gate code again pls", "my wifi password again?" — something to look up, not something to store.
 */
const ASKS_WITHOUT_ASKING =
  /^(?:i\s+)?(?:(?:can['’]?t|cannot|don['’]?t|do not)\s+remember|forgot|forget)\s+(?:what|where|when|who|which|how|whether|if)\b|^(?:i\s+)?(?:(?:can['’]?t|cannot|don['’]?t|do not)\s+remember|forgot|forget)\s+(?:my|our|the)\s+(?:[\p{L}-]+\s+){0,3}(?:code|number|password|pin|address|postcode|zip|name|birthday|email|phone|wifi|reg|registration|extension|username|login)\b|^(?:(?:my|our|the)\s+)?(?:[\p{L}-]+\s+){0,3}(?:code|number|password|pin|address|postcode|zip|name|birthday|email|phone|wifi|reg|registration|extension|username|login)\s+again(?:\s+(?:pls|plz|please))?\s*[.!]*$/iu

/** Where a second question is joined on: "wife name and where she teaches". */
const SECOND_ASKED = /\s*,?\s+(?:and|an|&)\s+(?=(?:what|when|where|who|which|how)\b)/iu

/** Strips lead-ins people put before a question ("hey, quick question: do you remember …"). */
function core(sentence: string): string {
  return sentence
    .replace(
      /^(?:hey|hi|hello|ok|okay|so|and|also|um+|uh+|btw|quick question|one more thing|keepsake)[,:!\s-]+/iu,
      '',
    )
    .replace(
      /^(?:(?:can|could|would) you\s+(?:please\s+)?(?:tell|remind) me|do you (?:know|remember|recall)|(?:please\s+)?(?:tell|remind) me|i (?:forgot|forget|can't remember|cannot remember|don't remember|do not remember)|any idea)\s*(?:,\s*)?/iu,
      '',
    )
    .replace(/[?!.\s]+$/u, '')
    .trim()
}

/** Whether a sentence asks something (rather than telling or requesting). */
export function isQuestion(sentence: string): boolean {
  const s = standardQuestion(sentence.trim())
  if (
    /^(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:remember|note|save|store|keep|remind me to|add|call me|always|never|stop|not|use|avoid|keep|make|answer|reply|write|be|talk|speak|explain)\b/iu.test(
      s,
    )
  )
    return /^(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:remember|recall)\s+(?:what|where|when|who|my|if|whether)\b/iu.test(
      s,
    )
  if (/^(?:when|whenever|if)\s+you\b[^?]*,\s*\S/iu.test(s) && !/\?\s*$/u.test(s)) return false
  // "can you give me temps in celsius pls, I'm Canadian": units to answer in, asked for.
  if (!/\?\s*$/u.test(s) && unitAsked(s)) return false
  if (/\?\s*$/u.test(s)) return true
  if (ASKS_WITHOUT_ASKING.test(s) || asksOfSomeone(s)) return true
  // "bf name what", "my son name", "wife name and where she teach now".
  if (askedLast(s) !== null || asksByNaming(s.split(SECOND_ASKED)[0]!)) return true
  // "did the hygiene course, passed 90%", "did the big shop", "had the jab this morning": with no
  // verb after who did it, "did" and "had" tell what the person did.
  if (/^(?:did|had)\s+(?:the|a|an|my|our|this|that|any)\s/iu.test(s)) return false
  return (
    ASK_START.test(s) &&
    !/^(?:do not|don't|did not|didn't|does not|doesn't|remind me to|any time|whatever|whenever|however)\b/iu.test(
      s,
    ) &&
    // "had a lovely walk this morning", "have a dentist appt at 3": told with "I" left out.
    !/^(?:have|had)\s+(?:a|an)\s/iu.test(s)
  )
}

const askWord = (q: string): AskWord => {
  // "in which city do I live?" asks which.
  const m =
    /^(?:(?:in|at|on|for|from|with|to|by|until|till|til|untill)\s+)?(what|where|when|who|whom|whose|why|how|which)\b/iu.exec(
      q,
    )
  if (!m) return /^(?:what's|whats)\b/iu.test(q) ? 'what' : 'yes-no'
  const w = m[1]!.toLowerCase()
  return w === 'whom' || w === 'whose' ? 'who' : (w as AskWord)
}

/**
 * Short words typed in capitals that would otherwise read as function words ("my SO", "the OH
 * referral", "flying to the US"): what the question is about, unless the whole question is shouted.
 */
const acronyms = (q: string): string[] =>
  /\p{Ll}/u.test(q)
    ? [...q.matchAll(/(?<![\p{L}'’])\p{Lu}{2,}(?![\p{L}'’])/gu)]
        .map((m) => m[0].toLowerCase())
        .filter((w) => isStopWord(w))
    : []

/** Subjects a question asks about, from the words people use for them. */
function subjectsOf(q: string): string[] {
  const out: string[] = []
  const add = (...s: string[]): void => {
    for (const x of s) if (!out.includes(x)) out.push(x)
  }
  const rel =
    new RegExp(
      `\\b(?:my|our)\\s+((?:older |younger |little |big |twin |best |eldest |youngest )?(?:${RELATION_PATTERN}))(?:'s|s')?\\b`,
      'iu',
    ).exec(q) ??
    new RegExp(
      `\\b(?:who|what)\\s+is\\s+(?:the\\s+)?(?:name of\\s+)?(?:my\\s+)?((?:${RELATION_PATTERN}))\\b`,
      'iu',
    ).exec(q)
  if (rel) {
    const who = canonical(
      rel[1]!.replace(/^(?:older|younger|little|big|twin|best|eldest|youngest)\s+/iu, ''),
    )
    if (/\bname|called\b/iu.test(q)) add(`${who} name`)
    if (/\b(?:job|work|do for a living|does .* do)\b/iu.test(q)) add(`${who} job`)
    if (/\b(?:live|lives|based)\b/iu.test(q)) add(`${who} home`)
    if (/\b(?:old|age)\b/iu.test(q)) add(`${who} age`)
    if (/\bbirthday\b/iu.test(q)) add(`${who} birthday`)
    add(who)
  }
  if (
    /\b(?:where|who|what company|which company)\b.*\b(?:work|working|employed|employer)\b|\b(?:employer|company|workplace)\b/iu.test(
      q,
    )
  )
    add('employer', 'job')
  // "what's my role?" asks their job; "my thesis title", "my Snowflake role name" ask something else.
  if (
    /\b(?:job|profession|occupation|for a living|what do i do|what did i do for (?:work|money|a job))\b|\b(?:my|your|job|work)\s+(?:(?:new|current|old|previous|main|official|actual)\s+)?(?:role|title|position)\b(?!\s+(?:name|id|number))/iu.test(
      q,
    )
  )
    add('job', 'employer')
  // "what am I studying?" asks what they do now; "what did I study?" asks what they studied.
  if (
    /\b(?:study|studying|course|degree|major|read at uni)\b/iu.test(q) &&
    !/\bdid (?:I|we) study\b/iu.test(q)
  )
    add('job')
  if (/\b(?:manager|boss|report to|supervisor|line manager)\b/iu.test(q)) add('manager')
  if (/\bteam\b/iu.test(q)) add('team')
  if (
    /\bwhere\b.*\b(?:live|living|based|stay|located|home|reside)\b|\b(?:home ?town|city|address)\b|\bwhere am i\b(?!\s+(?:now\s+)?(?:working|employed|studying|teaching|volunteering|placed)\b)/iu.test(
      q,
    )
  )
    add('home')
  if (/\bmoving\b/iu.test(q)) add('moving to')
  if (/\bwhere\b.*\b(?:from|grow up|grew up)\b/iu.test(q)) add('hometown', 'birthplace')
  if (/\btime ?zone|\btz\b/iu.test(q)) add('timezone')
  // ("who am I apprenticed to" asks about someone else.)
  if (
    /\b(?:call me|address me|my name|what am i called|who am i(?!\s+(?!again\b)\p{L})|nickname)\b/iu.test(
      q,
    ) &&
    !rel
  )
    add('address', 'name')
  if (/\b(?:how old|my age)\b/iu.test(q) && !rel) add('age')
  if (/\b(?:birthday|born)\b/iu.test(q) && !rel) add('birthday', 'birthplace')
  if (
    /\b(?:eat|diet|food|vegetarian|vegan|allerg|gluten|dairy|lactose|meat)\w*/iu.test(q) ||
    // "what shouldn't I drink?", "what can't I have?", "what am I not allowed to have?"
    /\b(?:cannot|can't|cant|can not|must not|mustn't|should not|shouldn't|shouldnt|not allowed to|not supposed to|(?:can|must|should)\s+I\s+not)\s+(?:I\s+)?(?:have|drink)\b/iu.test(
      q,
    )
  )
    add('diet')
  if (/\b(?:drive|car)\b/iu.test(q)) add('car')
  // "How should people contact me?" asks how to reach them, not their email address.
  if (/\b(?:contact|contacted|reach|reached|get hold of|get in touch)\b/iu.test(q)) add('contact')
  if (/\b(?:email|e-mail)\b/iu.test(q)) add('email')
  if (/\b(?:phone|number)\b/iu.test(q)) add('phone number', 'phone')
  if (
    /\b(?:answers?|replies|respond|reply|format|formatting|formatted|style|write to me|talk to me|speak to me|bullet|bullets|lists|emoji|emojis|tone|units?|temperature|temps|clock|metric|imperial|long should|length)\b/iu.test(
      q,
    )
  )
    add('answer style')
  // "What's my language preference?", "my preferred spelling?": how to answer them, not what they speak.
  if (
    /\b(?:language|spelling)\s+(?:preference|setting)s?\b|\bprefer(?:red)?\s+(?:language|spelling)\b/iu.test(
      q,
    )
  )
    add('answer style')
  if (
    /\b(?:dislike|hate|can't stand|cannot stand|do not like|don't like|not a fan|avoid)\b/iu.test(
      q,
    ) ||
    // "what food don't I like?", "what does Mia not like?"
    /\b(?:don't|dont|do not|doesn't|doesnt|does not|didn't|didnt|did not)\s+(?:my\s+)?[\p{L}-]+\s+(?:really\s+)?like\b|\b(?:do|does|did)\s+(?:my\s+)?[\p{L}-]+\s+not\s+(?:really\s+)?like\b/iu.test(
      q,
    )
  )
    add('dislikes')
  else if (/\b(?:like|love|enjoy|into|fan of|prefer)\b/iu.test(q)) add('likes')
  if (
    /\b(?:pick|picked|choose|chose|chosen|decide|decided|go with|went with|going with|leaning|settle|settled|option|choice|which one)\b/iu.test(
      q,
    )
  )
    add('choice')
  if (/\b(?:meds|medication|medicine|tablets|pills|prescription|prescribed|taking)\b/iu.test(q))
    add('medication')
  const fav = /\bfavou?rite\s+([\p{L} ]+?)(?:\s+(?:is|again|now)|$)/iu.exec(q)
  if (fav) add(`favorite ${fav[1]!.toLowerCase().trim()}`)
  return out
}

/** Content words of a list question other than the kind it asks for ("pet" in "any pet problems?"). */
const aboutWords = (q: string): string[] =>
  contentWords(q).filter(
    (w) =>
      !/^(?:issues?|problems?|bugs?|blockers?|broken|wrong|injur(?:y|ies|ed)|niggles?|aches?|pains?|worries|mentioned|mention|told|say|said|tell|anything|tasks?|todos?|list|open|left|still|plate|working|doing|need|do|any|what|whats|is|are|on|fix|fixing|repair|sort|have|has|got|to-do|todo|troubles?|pending|outstanding|remaining|current|else|again|now|right)$/u.test(
        w,
      ),
  )

/**
 * Reads a question: what it asks of memory. Deterministic; null when the sentence is not a question
 * about the person or what they said.
 */
export function readQuestion(sentence: string, now: Date): Question | null {
  if (!isQuestion(sentence)) return null
  // "wetin be my vet name", "the physics thing was due when": asked as standard English asks it.
  const standard = standardQuestion(sentence)
  const first = standard.split(SECOND_ASKED)[0]!
  const q = core(askedLast(standard) ?? (asksByNaming(first) ? `what is ${standard}` : standard))
  const lower = q.toLowerCase()
  if (
    /\b(?:what|everything|anything|all) (?:do|did|have) you (?:know|remember|learn(?:ed)?|store[d]?|save[d]?|got)(?: about me| on me| of me)?$|\bwho am i(?:,|$)|\btell me about (?:me|myself)\b|\bwhat (?:have|did) i told you\b|\bwhat (?:have i|did i) (?:told|tell) you(?: about (?:me|myself))?$|\bwhat(?:'s| is) in (?:your )?memory\b|\bwhat do you have on me\b|\bsummar(?:y|ize) (?:of )?(?:me|what you know)/iu.test(
      lower,
    )
  )
    return { type: 'about-me' }
  const said =
    /\bwhat (?:did|have) (?:i|we) (?:say|said|tell you|told you|mention|mentioned|write|written|discuss|discussed|talk about|talked about|decide|decided|conclude|concluded|figure out|figured out|find out|found out|learn|learned|settle on|settled on)(?: (?:about|on|regarding|re))?\s+(.+)$/iu.exec(
      q,
    ) ??
    /\b(?:did i (?:ever )?(?:say|mention|tell you) anything about|have i (?:ever )?(?:mentioned|said anything about|told you about))\s+(.+)$/iu.exec(
      q,
    )
  if (said)
    return {
      type: 'said',
      topic: tidy(said[1]!.replace(/^(?:for|on|about|re|regarding|with)\s+/iu, '')),
    }
  const window = dueWindow(lower, now)
  if (
    /\b(?:due|deadlines?|overdue)\b/iu.test(lower) &&
    !/\bwhen(?:'s| is| was| are)\b.+\bdue\b/iu.test(lower) &&
    // "when did I say the VAT was due?" asks about the VAT.
    !/^when\b.*\b(?:the|my|our)\s+\S+.*\b(?:is|was|are|were)\s+due\b/iu.test(lower)
  )
    return { type: 'kind', kinds: ['task'], scope: 'due', window }
  if (
    /\b(?:blocked|blocking|stuck|waiting)\b/iu.test(lower) &&
    /^(?:what|which|am|is|are|any|why)\b/iu.test(lower) &&
    !/^why\b/iu.test(lower)
  )
    return { type: 'kind', kinds: ['issue', 'task'], scope: 'blocked', window }
  // "what's left to fix at home?": what is broken counts as much as what is planned.
  const fixing = /\b(?:fix|fixing|repair|repairing|sort out|broken)\b/iu.test(lower)
  if (
    /\b(?:what am i|what are we|what was i|what were we)\s+(?:working on|doing|up to|focused on|busy with)\b|\bto-?do list\b|\bwhat (?:have|do|did) (?:i|we) (?:still |got |left |yet )*(?:to do|to fix|to sort)\b|\bwhat(?:'s| is) (?:still )?left to (?:do|fix|sort)\b|\bwhat\b.{0,25}\b(?:need|have|got|left) to do\b|\bwhat(?: is)? (?:still )?(?:left|open|pending|outstanding|remaining)\b|\bleft on my\b|\b(?:my|open|current|pending|outstanding)\s+(?:tasks?|to-?dos?|to do list|action items|reminders|projects)\b|\b(?:what are|any of|list)\s+my\s+(?:main\s+|current\s+|big\s+)?(?:goals|aims|ambitions|resolutions)\b|\bwhat(?: else)? (?:do|did) i (?:need|have|want|plan) to do\b|\bwhat(?:'s| is) (?:still |left |else )?(?:on )?my (?:plate|list|agenda|to-?do)\b|\bwhere (?:did i|was i|were we) (?:leave off|stop)\b|\bwhat should i (?:do|work on)\b|\bany (?:tasks|to-?dos|reminders)\b|^(?:is there |have i got |do i have )?anything (?:else )?(?:i|we) (?:still )?(?:need|have|ought|must|should) to do\b/iu.test(
      lower,
    )
  )
    return {
      type: 'kind',
      kinds: fixing ? ['task', 'issue'] : ['task'],
      scope: 'open',
      window,
      about: aboutWords(q),
    }
  if (
    /\b(?:what(?:'s| is| are)?|any|which|my)\s+(?:open\s+)?(?:issues?|problems?|bugs?|blockers?)\b|\bwhat(?:'s| is) (?:still )?(?:broken|blocking me|wrong)\b|\bwhat(?:'s| is) not working\b|\bany(?:thing)?\s+(?:else\s+)?(?:broken|wrong|not working|playing up|acting up|leaking|injur(?:y|ies|ed)|niggles?|aches?|pains?|health (?:problems?|issues?)|worries)\b|\bwhat(?:'s| is) (?:up|going on|happening) with (?:my|the|our)\b/iu.test(
      lower,
    )
  )
    return { type: 'kind', kinds: ['issue'], scope: 'open', window, about: aboutWords(q) }
  // "any tech issues left?", "car problems?", "what problems do I have at home?": the open problems
  // of one part of life. A question about one problem ("is my visa problem sorted?") is a lookup.
  if (
    !/^(?:is|are|was|were|did|does|do|has|have|had|can|could|will|should|why|when|who|how)\b/iu.test(
      lower,
    ) &&
    /\b(?:what|any|which|my)\s+(?:(?!(?:the|that|this|a|an)\b)[\p{L}-]+\s+){1,2}?(?:issues?|problems?|bugs?|troubles?)\b|^(?:(?!(?:the|that|this|a|an)\b)[\p{L}-]+\s+){1,2}(?:issues?|problems?|troubles?)$/iu.test(
      lower,
    )
  )
    return { type: 'kind', kinds: ['issue'], scope: 'open', window, about: aboutWords(q) }
  if (
    window &&
    /\b(?:what do i have|what(?:'s| is) (?:on|happening|going on|coming up)|anything (?:on|happening|coming up)|my (?:schedule|calendar|plans))\b/iu.test(
      lower,
    )
  )
    return { type: 'kind', kinds: ['task', 'fact'], scope: 'due', window }
  const words = [
    // Spelt out first: "don't" is no word "don" to look for.
    ...contentWords(expand(q)).filter(
      (w) => !/^(?:what|where|when|who|why|how|which|whats|do|does|cannot)$/u.test(w),
    ),
    ...acronyms(q),
  ]
  return { type: 'lookup', subjects: subjectsOf(lower), words, ask: askWord(q), text: q }
}
