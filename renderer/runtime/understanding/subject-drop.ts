import { parse } from './nlp'
import { lowerFirst } from './text'
import { RELATION_PATTERN, isJob } from './lexicon'

/** Openings that speak to the assistant ("use TypeScript", "call me Sam"), not about oneself. */
export const TO_ASSISTANT =
  /^(?:please\s+)?(?:use|give|keep|make|show|write|answer|reply|respond|explain|be|stop|avoid|call me|remind me|tell me|help|summari[sz]e|translate|list|cite|include|add|format|talk|speak|send me|remember|note|forget|save|store|don't|do not|never|always|quit|skip|stick|limit|assume|address me|refer to me|ask me|let me|show me|give me|get to the point|cut to the chase|skip the|cut the|search|find|look up|check|open|read|play)\b/iu

const FEELING =
  /^(?:work (?:as|at|for|in)|live (?:in|with|near|at|on|by|out)|work (?:nights|days|weekends|shifts|from home|remotely|part[- ]time|full[- ]time)|study (?:at|in)|love|loving|like|hate|hating|prefer|enjoy|adore|dislike|detest|miss|want|wanna|need|needs|gotta|got to|have to|has to|must|should|plan|planning|intend|hope|can't|cannot|can not|could not|couldn't|won't|will|would|usually|always|never|sometimes|often|also|still|just|really|definitely|probably|currently|now)\b/iu
const STATE =
  /^(?:(?:not\s+)?(?:really\s+)?an?\s+(?:[\p{L}-]+\s+){0,2}(?:person|fan|type|drinker|eater|sleeper|smoker|owl|bird)\b|big fan|huge fan|massive fan|not a fan|not much of a|not keen|keen|not fond|fond|more of a|a big|a huge|a night owl|an early bird|left-handed|right-handed|allergic|lactose intolerant|intolerant|vegetarian|vegan|pescatarian|celiac|coeliac|diabetic|based in|from(?! now on| here on| then on|\s+(?:next|tomorrow|today|tonight|then|now|mid|early|late|the\s+\d|\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b)|originally from|living in|married|engaged|single|divorced|pregnant|retired|self-employed|freelance|unemployed|between jobs|on leave|on parental leave|new to|back at|back in|out of office|ooo|off work|stuck on|stuck with|blocked on|blocked by|waiting on|waiting for|halfway through|on(?=\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s+\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ml|units?)\b))\b/iu

/** "girlfriend ", "older brother ": one of their people, said first. */
const THEIR_PERSON = new RegExp(
  `^(?:(?:older|younger|little|big|eldest|youngest|twin)\\s+)?(?:${RELATION_PATTERN})\\s+`,
  'iu',
)
/** "Réka is …", "Farai and the boys are …": a name, then what is said of them. */
const NAMED_THEN =
  /^\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)?\s+(?:is|are|was|were|works|lives|has|and)\b/u

/** "Wife name", "boss name": a person of theirs, then the word "name". */
const PERSON_NAME = new RegExp(`^(${THEIR_PERSON.source.slice(1)})name\\s+`, 'iu')
/** A name next: a capital, with a title before it or not ("Marcia", "Mr Teo"). */
const NAME_AHEAD = /^(?:(?:Mr|Mrs|Ms|Miss|Dr|Uncle|Auntie|Aunty)\.?\s+)?\p{Lu}\p{Ll}/u
/** "Carol", "Carol, in Kalispell": a name and nothing said of it but where or how. */
const NAMED_ALONE =
  /^\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)?(?:,\s*(?:in|at|from|out of|up in|down in)\s+\p{Lu}.*)?$/u

/**
 * People leave out "I" when they type fast: "need to renew my passport", "working nights this week",
 * "sold the Civic", "love spicy food", "big fan of jazz". Puts the subject back so one set of rules
 * reads both. Requests to the assistant ("use TypeScript") and notes to self ("buy milk") are left
 * as they are.
 */
export function restoreSubject(text: string): string {
  if (/^(?:I|we|my|our|me|us)\b/iu.test(text)) return text
  // "girlfriend Réka is a pharmacist", "husband Farai and the boys are in Harare": their own
  // people, named, with the "my" left out.
  if (THEIR_PERSON.test(text) && NAMED_THEN.test(text.replace(THEIR_PERSON, '')))
    return `my ${lowerFirst(text)}`
  // "Wife name Marcia", "boss name Mr Teo": a person of theirs and their name, said as many
  // Englishes say it, without "my", "'s" or "is".
  const named = PERSON_NAME.exec(text)
  if (named && NAME_AHEAD.test(text.slice(named[0].length)))
    return `my ${lowerFirst(named[1]!.trim())}'s name is ${text.slice(named[0].length)}`
  // "Wife Carol", "Wife Carol, in Kalispell": the person named alone says who they are.
  if (THEIR_PERSON.test(text) && NAMED_ALONE.test(text.replace(THEIR_PERSON, '')))
    return `my ${lowerFirst(text)}`
  if (TO_ASSISTANT.test(text.replace(/^just\s+/iu, ''))) return text
  if (STATE.test(text)) {
    // "freelance electrician", "retired nurse": a job said with how it is held is one thing they are.
    const job =
      /^(?:retired|self-employed|freelance|unemployed)\s+[\p{L}-]/iu.test(text) &&
      !/,|\b(?:and|but|since|from|now)\b/iu.test(text) &&
      isJob(text)
    return `I am ${job ? (/^[aeiou]/iu.test(text) ? 'an ' : 'a ') : ''}${text}`
  }
  // "like every other day", "like 9 to 11": a bare "like" is a filler, not "I like".
  if (/^like\b/iu.test(text)) return text
  if (FEELING.test(text)) {
    // "currently putting together my application" → "I am currently putting together …".
    const adverbs =
      /^((?:usually|always|never|sometimes|often|also|still|just|really|definitely|probably|currently|now)\s+)+/iu.exec(
        text,
      )
    if (
      adverbs &&
      (parse(text.slice(adverbs[0].length)).terms().first().has('#Gerund') ||
        /^\p{L}+ing\b/u.test(text.slice(adverbs[0].length)) ||
        // "just off a night shift", "still at work": where they are, so "I am".
        /^(?:off|back|home|out|up|in|at|on|done|finished|about)\b/iu.test(
          text.slice(adverbs[0].length),
        ) ||
        // "definitely a night owl", "really not a fan of Mondays": what they are.
        STATE.test(text.slice(adverbs[0].length)))
    )
      return `I am ${lowerFirst(text)}`
    return `I ${lowerFirst(text)}`
  }
  // "Firefighter with Portland Fire, Station 12", "retired nurse, living in Hull": what they are.
  const role =
    /^((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)(?=\s+(?:with|at|for|in|from)\b|,|(?:\s+now)?$)/u.exec(text)
  if (
    role &&
    isJob(role[1]!) &&
    !/^(?:the|my|our|a|an|this|that|these|those|todo|to-do|his|her|their)\b/iu.test(text) &&
    // "since tuesday the photocopier in the staff room…": a clause led by when, not a job.
    !/^(?:since|every|each|last|next|until|till|after|before|during|yesterday|today|tonight|tomorrow)\b/iu.test(
      text,
    ) &&
    !/\b(?:is|are|was|were|has|have|had|due|will|can)\b|:/iu.test(text) &&
    !parse(role[1]!)
      .not('(employed|based|qualified|registered|certified|trained|retired)')
      .has('#Verb')
  )
    return `I am ${/^[aeiou]/iu.test(role[1]!) ? 'an' : 'a'} ${lowerFirst(text)}`
  const doc = parse(text)
  const first = doc.terms().first()
  // "Sat with a family all afternoon": the verb read in lower case, not as "Sat(urday)".
  if (first.has('#Gerund') && !/\b(?:is|are|was|were)\b/iu.test(text))
    return `I am ${lowerFirst(text)}`
  if (first.has('#PastTense') && !first.has('#Adjective')) return `I ${lowerFirst(text)}`
  return text
}

const TODO_VERB =
  /^(?:book|buy|call|ring|phone|email|e-mail|text|message|pay|renew|schedule|reschedule|pick up|drop off|send|finish|submit|prep|prepare|write|fix|clean|order|cancel|return|sign|file|get|make|set up|update|review|follow up|reply to|respond to|print|pack|mail|post|visit|take|bring|register|apply|collect|sort|sort out|organi[sz]e|plan|draft|research|install|backup|back up|move|change|replace|repair|water|feed|walk|wash|iron|hoover|vacuum|tidy|declutter|donate|sell|list|invite|thank|congratulate|confirm|arrange|organise|grab|fetch|return|exchange|refill|top up|charge|service|clear|empty|defrost|restring|tune|practice|practise|study|revise|read|finish|start|tell|ask|remind|contact|chase|nudge|ping)\b/iu

/** Whether the text reads as a note to self: a bare instruction ("book the car service", "buy milk"). */
export function isNoteToSelf(text: string): boolean {
  if (TO_ASSISTANT.test(text) && !/^(?:remind|tell|ask)\s+(?!me\b)/iu.test(text)) return false
  // "water the plants" is a note; "water is coming through the ceiling" is not.
  return (
    TODO_VERB.test(text) &&
    text.split(/\s+/u).length >= 2 &&
    !/^\S+\s+(?:is|are|was|were|has|have|had|keeps?|got|gets|came|comes)\b/iu.test(text) &&
    // "contact person is Svenja", "order number is 4471": a thing named, not an errand.
    !/^\S+\s+(?:person|number|name|details?|form|date|time|list|page|code|info)\s+(?:is|are|was|were)\b/iu.test(
      text,
    )
  )
}
