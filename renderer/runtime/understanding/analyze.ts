import { formValues } from './value-forms'
import type { Clause, Rule } from './capture'
import { capture } from './capture'
import { ATTRIBUTES, FACT } from './rules-fact'
import { general } from './rules-general'
import { isNoteToSelf, restoreSubject } from './subject-drop'
import { isPlace, parse } from './nlp'
import {
  CONDITIONS,
  DIETS,
  MY_RELATION,
  NAME_PARTICLE,
  PROFESSIONAL,
  RELATION_PATTERN,
  isJob,
  isRelation,
} from './lexicon'
import { ISSUE_RULES, SYMPTOM_RULES } from './rules-issue'
import { givingTrouble } from './giving-trouble'
import { wantedBy } from './wanted-by'
import { PREFERENCE, conditionOf } from './rules-preference'
import { UNIT } from './units-asked'
import { coordinated } from './coordination'
import { anchorDate, dueOf, findDates } from './dates'
import { namedInPassing } from './named-in-passing'
import { readStatus } from './rules-status'
import { runOn } from './run-on'
import { bareIntroduction } from './bare-name'
import { TASK_RULES } from './rules-task'
import { followUp, isFollowUp } from './follow-up'
import { isUndecided } from './undecided'
import { toldForLaughs } from './for-laughs'
import { friendsNews, othersTrouble } from './friends-news'
import { marketNews } from './market-news'
import { weatherTalk } from './weather-talk'
import { whyAsked } from './why-asked'
import { birthDue } from './birth-due'
import { onlyThanks } from './only-thanks'
import { changedValue } from './value-change'
import { promotion } from './promotion'
import { readQuestion } from './question'
import { isEnglish, splitSentences } from './sentences'
import { kinNamesCapitalised } from './kin-name-case'
import { capitalName, nameLikeness } from './typed-name'
import { namedOne } from './topic-one'
import { expand, lowerFirst, tidy, upperFirst } from './text'
import type { Analysis, Capture, Question, Reading } from './types'
import { appendAll } from '../../../shared/append-all'
import { WHICH_ONE } from './which-one'

const {
  favorite,
  address,
  timezone,
  choice,
  switchedTo,
  answerStyle,
  units,
  conditional,
  likes,
  leanings,
  verdict,
  leaning,
} = PREFERENCE

/** Every statement rule, most specific first; the first that applies decides. */
const RULES: Rule[] = [
  address,
  timezone,
  units,
  conditional,
  givingTrouble,
  favorite,
  choice,
  switchedTo,
  verdict,
  leanings,
  leaning,
  birthDue,
  FACT.health,
  ...TASK_RULES,
  ...ISSUE_RULES,
  ...SYMPTOM_RULES,
  FACT.name,
  FACT.birthday,
  FACT.age,
  FACT.origin,
  FACT.work,
  FACT.home,
  FACT.relation,
  FACT.possession,
  FACT.attribute,
  FACT.schedule,
  answerStyle,
  likes,
  general,
]

/** Longer messages are read as pasted documents, not statements (see `analyze`). */
export const MAX_SENTENCES = 25
export const MAX_CHARS = 4000

const CORRECTION_PREFIX =
  /^(?:ok(?:ay)?\s+)?(?:so\s+)?(?:I misspoke(?: before| earlier)?|I was wrong(?: before| earlier)?(?: about [\w\s]{1,30}?)?|I (?:got|had) (?:that|it) wrong(?: about [\w\s]{1,30}?)?|(?:scratch|scrap|ignore|forget|disregard) (?:that|this|what I (?:just )?(?:said|told you|wrote)) about [\w\s'’-]{1,30}?|(?:I\s+)?got the (?:date|day|time|number|name|place|price|amount|address) wrong|typo|my mistake|ignore what I (?:just )?said(?: about [\w\s]{1,30}?)?|change of (?:mind|plans?)|changed my mind|on second thought|update(?: on [\w\s]{1,30}?)?|correction|quick correction|small correction|big news|news|plot twist|confession)\s*[:—–,-]+\s*/iu
/**
 * A lead-in before a colon that owns a mistake or says something changed, whatever its words: "I
 * had the wrong Saturday in my diary: the wedding is the 23rd", "small mix-up with the times: …",
 * "a change to the holiday: we now fly on the 16th".
 */
const OWNED_MISTAKE =
  /^(?=[^:]{3,60}:\s)[^:]*?\b(?:wrong|mix-?up|mixed up|muddled|mistake|misread|misheard|chang(?:e|ed|es))\b[^:]*:\s+(?=\S)/iu
const PREFIX =
  /^(?:ok(?:ay)?\s+)?(?:so\s+)?(?:quick update(?: on [\w\s]{1,20}?)?|(?:quick |some |a bit of |a little )?(?:context|background)|for context|for your records|for the record|fyi|heads up|note|side note|random|also|good news|bad news|btw|just fyi|for reference|ps|p\.s\.|going forward|from now on|moving forward|in future|in the future|for future reference|generally)\s*[:—–,-]+\s*/iu
/** "for reference I'm 5'4": an aside before a statement, without a comma. */
const ASIDE_LEAD =
  /^(?:for reference|for the record|for context|just so you know|fyi|btw|by the way|heads up|side note)\s+(?=(?:I|my|we|our)\b)/iu
const CORRECTION_LEAD =
  /^(?:actually|correction|update|oops|sorry|sry|soz|whoops|my bad|my mistake(?!\s+(?:was|is|were)\b)|no wait|wait no|wait|(?:hang|hold) on(?=\s*[,.!:;—–-])|no no|no(?=[,.!]|\s+(?:sorry|hang on|hold on))|wrong(?=\s*[,:;—–-])|nope|nah|naw|I mean|I meant(?: to say)?|meant to say|rather|scratch that|scrap that|ignore that|I tell (?:a )?lie|that(?:'s|s| is| was) wrong|wrong (?:date|day|time|number|name|one|place|month|year)|let me correct (?:that|myself)|to correct myself)\b[\s,:;.!–—-]*/iu
/**
 * "no it's Sam", "no its the one in Hulme", "No it's 7pm": "no" then "it's" and a value (a name, a
 * number, a date, which one) corrects without a comma; "no it's fine" does not. Case matters here.
 */
const NO_THEN_VALUE =
  /^[Nn]o(?=\s+(?:it is|it's|its)\s+(?:the\s+(?:[\p{L}-]+\s+){0,2}?one\b|the\s+\d|\p{Lu}|\d))\s*/u
// "ugh the wifi keeps dropping": an exclamation before a statement is not part of it; "ugh why do
// shifts always run late, I'm on till 8" keeps it, so the complaint is not read as a question.
const LEAD =
  /^(?:erm|er|uh|um|hm+|ah|(?:ugh|urgh|argh|gah|sigh|oof|ffs|omg|jeez|geez|dammit)(?![\s,.!]*(?:why|what|how|who|where|when|is|are|do|does|did|can|could|would)\b)|and|also|oh|oh and|ok|okay|yeah|yep|yup|so|well|btw|by the way|fyi|anyway|anyways|plus|just so you know|heads up|quick note|note|for context|for the record|fwiw|honestly|basically|also also|ps|p\.s\.|from now on|going forward|moving forward)\b[\s,:;.!–—-]*/iu
const REMEMBER =
  /^(?:please\s+|can you\s+|could you\s+|would you\s+)?(?:remember|note|make a note|keep in mind|do not forget|don't forget|never forget|note to self|save|store|log|write down|jot down|for the record|just so you know|fyi)(?:\s+(?:this|that|the fact))?(?:\s+that)?\s*[:,–—-]?\s+(.+)$/iu
const FORGET =
  /^(?:please\s+|can you\s+|could you\s+)?(?:forget|delete|remove|erase|drop|discard|clear)\s+(?:that\s+|about\s+|the\s+(?:fact|note|memory|item|thing)\s+(?:that|about)\s+|what I said about\s+)?(.+)$/iu
const FORGET_LAST =
  /^(?:scratch that|forget (?:that|it|what I (?:just )?said)|never ?mind|ignore (?:that|what I (?:just )?said|my last message)|disregard (?:that|my last message)|undo that|that is wrong|that's wrong|wrong)$/iu
const GREETING =
  /^(?:hi|hello|hey|hiya|yo|howdy|good (?:morning|afternoon|evening|day)|morning|evening|greetings|sup|what's up|whats up)(?:\s+(?:there|keepsake|again|all|friend|buddy))?$/iu
const THANKS =
  /^(?:thanks|thank you|thx|ty|cheers|much appreciated|appreciate it|great,? thanks|perfect,? thanks|awesome,? thanks|nice,? thanks)\b/iu
const AWAY =
  /\bbrb\b|\bback in (?:a (?:sec|min|minute|bit|jiffy)|\d+ ?(?:mins?|minutes))\b|^(?:I\s+am\s+)?(?:gonna|going to|off to|just going to|just gonna)\s+(?:grab|get|make)\s+(?:a\s+|some\s+|my\s+)?(?:coffee|tea|cuppa|brew|flat white|latte|snack|drink|bite)\b(?!.*\b(?:for|with)\s+\p{Lu})/iu
const HYPOTHETICAL =
  /^(?:maybe|perhaps|if|what if|suppose|supposing|imagine|hypothetically|in theory|let's say|lets say|say I|assuming|in another life|in a perfect world|someday|one day I|I wish|I would love to|I'd love to|I might|I may|maybe I|perhaps I|I was thinking (?:about|of)|I am thinking (?:about|of)|I wonder|I'm wondering|I am wondering|wouldn't it be|would not it be|would it be|might|(?:I am |we are )?toying with|it would be|I could|I would(?! (?:much |really |way |far |definitely )?(?:rather|prefer|like|love it if)))\b/iu
const CONTEXT_ONLY =
  /^(?:I|we)\s+(?:switched|changed|swapped)\s+(?:jobs|teams|roles|companies|careers|departments)\b|^(?:that is|that's|this is) (?:it|all)\b|^(?:I|we)\s+(?:am|are)\s+(?:just\s+)?(?:testing|kidding|joking)\b|^(?:I|we)\s+(?:love|like|hate)\s+(?:them|it|that|this|those)$/iu
const REPORTED =
  /^(?:my\s+|our\s+)?(?:[\p{L}.'-]+\s+){0,3}?(said|says|told me|tells me|thinks|believes|feels|reckons|mentioned|claims)\s+(?:that\s+)?(.+)$/iu
/** "garage say the pads were worn", "optician say Jayden need glasses": "say" as many Englishes use it. */
const REPORTED_SAY =
  /^(?:my\s+|our\s+|the\s+)?(?!(?:I|we|you|they|to|and|or|but|just|please|pls|never|always|do|did|does|not|can|could|would|will|should|must|let)\b)[\p{L}.'-]+\s+(say)\s+(?:that\s+)?(.+)$/iu
/** What someone said the person must do: "I must ring up and book a blood test". */
const TODO_TOLD =
  /^(?:I|we)\s+(?:must|need to|have to|am to|have got to|got to|should)\s+(?!(?:cut down|cut back|cut out|eat|drink|avoid|stop|lose|rest|relax|exercise|walk|sleep|try|take it easy|keep|be|not|never)\b)\S.*$/iu
const RETRACT =
  /^(?:I|we)\s+(?:am not|are not|do not|don't|no longer|not)\s+(.+?)\s+(?:anymore|any more|any longer|these days)$|^(?:I|we)\s+(?:am\s+|are\s+)?no\s+longer\s+(.+)$|^(?:I|we)\s+(?:stopped|quit|gave up|left)\s+(.+)$/iu
const ALSO =
  /^(?:also|and|plus|oh and|as well as)\s+(.+?)(?:\s+too|\s+as well)?$|^(.+?)\s+(?:too|as well)$/iu
const AMEND =
  /^(?:(?:earlier|before|previously|above)\s+)?(?:(?:it is|it's|its)(?:\s+actually)?|make that|make it|should be|it should be|I meant|I mean|rather|it was|that should be|change (?:it|that) to)\s+(.+)$/iu

/** Who a hello is said to: "hi there", "hiya love", "morning all", "hello sir". */
const VOCATIVE =
  "(?:there|mate|(?:my )?dear|po|all|everyone|friend|keepsake|o|oo|ooo|sir|ma|ji|sha|lah|la|bro|sis|folks|guys|y'all|love|brother|sister|pal|buddy|boss|chief|fam|again)"

const GREETING_LEAD = new RegExp(
  `^(?:hi+|hello+|hey+|hiya|howdy|g'day|hallo|hej|hola|ciao|salut|namaste|salaam|salam|assalamu alaikum|shalom|bonjour|kia ora|jambo|habari|sawubona|howzit|aloha|yo|oi|good (?:morning|afternoon|evening)|morning|evening|dear\\s+(?:assistant|keepsake|ai|bot))(?:\\s+${VOCATIVE})?\\s*[,!.:;–—-]+\\s*(?=\\S)`,
  'iu',
)

/** A family name, with the capital inside that some have: "Pryce", "McAllister", "O'Neill", "Smith-Jones". */
const FAMILY_NAME = "\\p{Lu}[\\p{Ll}'’]+(?:\\p{Lu}\\p{Ll}+)?(?:-\\p{L}[\\p{Ll}'’]+)?"

/**
 * "sorry its Becky does the books on Mondays", "it's Becky who does them": a name followed by a verb
 * said of a third person is who does something, not the speaker saying who they are.
 */
function doesItself(name: string, rest: string): boolean {
  const next = /^\s+(\p{Ll}+)/u.exec(rest)?.[1]
  if (next === undefined) return false
  // "it's Becky who does the books": who does it, said the other way round.
  if (/^(?:who|that)$/u.test(next)) return true
  return /s$/u.test(next) && parse(`${name} ${next}`).has('#PresentTense')
}

/**
 * A hello said before an introduction without a comma: "hiya im dean", "heyy im zara", "hello dear
 * my name is Margaret".
 */
const HELLO =
  /^(?:hi+|hey+|hello+|hiya|yo|howdy|alright|g'day|kia ora|howzit|aloha|hola|hallo|namaste)\b/iu
const HELLO_BEFORE_NAME = new RegExp(
  `${HELLO.source}(?:\\s+${VOCATIVE})?\\s+(?=(?:I\\s+am|im|my name)\\b)`,
  'iu',
)

/** "type 1 diabetic since I was 12": when it began is said of the phrase, not a clause of its own. */
const SINCE_I_WAS = /\s+(?:since|when|until|till|before|after)\s+I\s+(?:was|were)\b.*$/iu

/** "Mick Dunleavy here": a name said as on the phone. */
const NAMED_HERE = /^([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)?)\s+here(?=$|,)/u

/**
 * How people introduce themselves, in the words the rules read: "Mick Dunleavy here" and "myself
 * Karthik" name the person; "retired railway engineer here" says what they are.
 */
function introduction(text: string): string {
  // "hiya im dean": after a greeting, a lone lower-case word after "I am" is a name; without one
  // ("im skint") it is how they are.
  const greeted = HELLO.test(text)
  const t = text
    .replace(GREETING_LEAD, '')
    // "heyy im zara, …", "hiya im dean": a greeting without a comma before the introduction.
    .replace(HELLO_BEFORE_NAME, '')
    // "Am Abena Owusu-Ansah, …", "my name Jordan Pike": the words a learner leaves out put back.
    .replace(/^[Aa]m\s+(?=\p{Lu}\p{Ll})/u, 'I am ')
    .replace(/^[Mm]y\s+name\s+(?=\p{Lu}\p{Ll})/u, 'my name is ')
    // "name's Agnes, retired bus driver", "names Dazza": the "my" left out.
    .replace(/^(?:[Nn]ame(?:['’]s|s|\s+is)|[Mm]y\s+names)\s+(?=\p{Lu}\p{Ll})/u, 'my name is ')
    // "im" is "I am" after a greeting, and before a word and the next "I" ("im 34 i live in hull").
    .replace(
      greeted ? /^im\s+(?=\S)/iu : /^im\s+(?=[\p{L}\p{N}]+(?:,|\s+I\s|\s+\d{1,2}\s+\p{L}))/iu,
      'I am ',
    )
    // "im reece 19 doing a plumbing apprenticeship", "im zara im 17": a lower-case word, then an
    // age or a second "I am", is a name; the age is a thing said of its own.
    .replace(
      /^(I\s+am\s+)(\p{Ll}[\p{Ll}'-]{1,20})\s+(?:(\d{1,2})|i['’]?m)\s+(?=[\p{L}\p{N}])/u,
      (whole, lead: string, word: string, age: string | undefined) =>
        nameLikeness(word) === 'no'
          ? whole
          : `${lead}${word.charAt(0).toUpperCase()}${word.slice(1)}, ${age ? `${age}, ` : 'I am '}`,
    )
    // "im sarah btw": before a first name the library knows, "im" is "I am" too.
    .replace(
      /^im\s+(?=(\p{Ll}+)(?:\s+(?:btw|by the way|fyi|here))?[\s.!]*$)/iu,
      (whole, word: string) => (nameLikeness(word) === 'first' ? 'I am ' : whole),
    )
    // "I am maya, 2nd year comp sci", "hiya im dean i run a…": a name typed in lower case, said
    // before what they are or, after a greeting, alone.
    .replace(
      /^(I\s+am\s+)(\p{Ll}[\p{Ll}'-]{1,20})(?=,\s*\S|\s+I\s+(?!am\b)|\s+(?:btw|by the way|fyi|here)[\s.!]*$|[\s.!]*$)/u,
      (whole, lead: string, word: string, at: number, all: string) => {
        const likeness = nameLikeness(word)
        // Without a hello or a comma after it, only a first name the library knows ("i'm sarah").
        const alone = !greeted && all.charAt(lead.length + word.length) !== ','
        return likeness === 'no' || (alone && likeness !== 'first')
          ? whole
          : `${lead}${capitalName(word)}`
      },
    )
    // "gaz here, gas safe plumber", "dale pickett here": a name typed in lower case, said as on
    // the phone; a word the library does not know counts only before what they do or where.
    .replace(
      /^(\p{Ll}[\p{Ll}'’-]{1,20})(?:\s+(\p{Ll}[\p{Ll}'’-]{1,20}))?(?=\s+here(?:$|\s*[,.!]\s*(.*)$))/u,
      (whole, word: string, family: string | undefined, after: string | undefined) => {
        const likeness = nameLikeness(word)
        if (likeness === 'no' || (family !== undefined && nameLikeness(family) === 'no'))
          return whole
        const next = after ?? ''
        const introduces =
          isJob(next.split(/\s+(?:at|with|for|in|from|on|of)\s+|,/u)[0] ?? '') ||
          /^(?:based|from|living|I\b|\d)/iu.test(next)
        return likeness === 'first' || introduces ? capitalName(whole) : whole
      },
    )
  // "yo its kai, 17, …": after a greeting, a lone lower-case word after "it's" is a name too.
  const spoken = (
    greeted
      ? t.replace(
          /^((?:(?:ok|okay|so|hey|hi|hello|hiya|yo|yeah|right)[\s,!]+)*(?:this is|it['’]s|its|it is)\s+)(\p{Ll}[\p{Ll}'-]{1,20})(?=\s*(?:[,.!]|$))/u,
          (whole, lead: string, word: string) =>
            parse(word).has(
              '(#Adjective|#Verb|#Adverb|#Value|#Determiner|#Preposition|#Pronoun|#Date)',
            ) || /^(?:me|us|ok|okay|fine|done|here|back|over|time|true)$/iu.test(word)
              ? whole
              : `${lead}${word.charAt(0).toUpperCase()}${word.slice(1)}`,
        )
      : t
  ).replace(
    // "this is dale pickett i raise catfish…": with no hello, a first name the library knows.
    /^((?:this is|it['’]s|its|it is)\s+)(\p{Ll}[\p{Ll}'’-]{1,20})(?:\s+(\p{Ll}[\p{Ll}'’-]{1,20}))?(?=\s*(?:[,.!]|$)|\s+(?:[iI]|[iI]m|[iI]['’]m)\s)/u,
    (whole, lead: string, word: string, family: string | undefined) =>
      nameLikeness(word) === 'first' && (family === undefined || nameLikeness(family) !== 'no')
        ? `${lead}${capitalName(whole.slice(lead.length))}`
        : whole,
  )
  // "this is Marisol I'm a data analyst…", "it's Jordan, marketing mgr at…": a name said as on the phone.
  const phone =
    /^(?:(?:ok|okay|so|hey|hi|hello|hiya|yo|yeah|right|voice note|voice message)[\s,!]+)*(?:this is|it['’]s|its|it is)\s+((?:(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?\s+)?\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’]+(?:\p{Lu}\p{Ll}+)?(?:-\p{L}[\p{Ll}'’]+)?){0,2})(?=$|[,.!]|\s+(?:I\b|I['’]m|im\b|\p{Ll}))(.*)$/u.exec(
      spoken,
    )
  if (
    phone &&
    !isPlace(phone[1]!) &&
    !doesItself(phone[1]!, phone[2]!) &&
    !/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter)$/u.test(
      phone[1]!,
    )
  ) {
    const rest = phone[2]!.replace(/^[\s,.!]+/u, '')
    return rest === '' ? `my name is ${phone[1]!}` : `my name is ${phone[1]!}, ${rest}`
  }
  // "Rhys, IT technician at Ysgol Bro Taf", "Linnea, I make indie games": the name said first.
  const first = new RegExp(
    `^(\\p{Lu}[\\p{Ll}'’]+(?:-\\p{L}[\\p{Ll}'’]+)?(?:\\s+(?:${NAME_PARTICLE}\\s+)?${FAMILY_NAME})?),\\s+(.+)$`,
    'u',
  ).exec(t)
  // "Morning, Hamish Tait, stock agent…", "Hi, Nadia Outerbridge, pricing actuary at a reinsurer":
  // after a hello, a first and a family name are a name whatever the words would be alone ("Hamish"
  // reads as a describing word), and a role at any workplace follows it.
  const hailed = first !== null && GREETING_LEAD.test(text) && /\s/u.test(first[1]!)
  if (
    first &&
    !isPlace(first[1]!) &&
    !GREETING_LEAD.test(`${first[1]!},`) &&
    (hailed ||
      (parse(first[1]!).has('#Noun') &&
        !parse(first[1]!).has('(#Verb|#Adjective|#Adverb|#Pronoun|#Determiner|#Date|#Value)'))) &&
    (/^(?:I\b|I['’]m\b|im\b)/u.test(first[2]!) ||
      // "Sarah, my manager, is off sick" is about Sarah.
      (!/^(?:my|our|the|his|her|their|a|an)\b/iu.test(first[2]!) &&
        !/\b(?:is|are|was|were|has|have|says|said)\b/iu.test(first[2]!.split(',')[0]!) &&
        // "offshore medic on the Tern Bravo platform", "registered manager of Greenacre Lodge",
        // "wedding photographer based in Kendal".
        (isJob(first[2]!.split(/\s+(?:at|with|for|in|from|on|of|based|living|out)\s+|,/u)[0]!) ||
          // "Rachel Kim, fourth-year litigation associate at Dunmore & Pierce": a role at a firm.
          /^[\p{Ll}\p{N}-]+(?:\s+[\p{Ll}-]+){0,3}\s+(?:at|with)\s+\p{Lu}/u.test(first[2]!) ||
          (hailed &&
            /^[\p{Ll}\p{N}-]+(?:\s+[\p{Ll}-]+){0,2}\s+(?:at|with|for)\s+(?:a|an|the)?\s*[\p{L}]/u.test(
              first[2]!,
            ) &&
            // ("works for the council" is said of someone else.)
            !/^\p{Ll}+s\s/u.test(first[2]!) &&
            !parse(first[2]!.split(/\s+/u)[0]!).has('(#Preposition|#Adverb)')))))
  )
    return `my name is ${first[1]!}, ${first[2]!}`
  // "Aye, Callum here", "Ey up duck, Shirley here, …": a few words of hello the greeting list
  // does not know may come first; a lead with someone in it ("I'm outside", "we") is not one.
  const lead = /^[\p{L}'’]+(?:\s+[\p{L}'’]+){0,2}\s*,\s*/u.exec(t)?.[0] ?? ''
  const led = /\b(?:I|we|me|us|my|our|you)\b/iu.test(lead) ? '' : lead
  const named = NAMED_HERE.exec(t) ?? (led === '' ? null : NAMED_HERE.exec(t.slice(led.length)))
  if (named && !isRelation(named[1]!)) {
    const from = named.index + (named.input === t ? 0 : led.length) + named[0].length
    return `my name is ${named[1]!}${t.slice(from)}`
  }
  // "Kind regards, Dr. Amara Osei": a letter signed with their name.
  const signoff =
    /^(?:kind regards|best regards|warm regards|regards|many thanks|best wishes|yours sincerely|sincerely|yours truly|cheers|best),?\s+(.+?)\.?$/iu.exec(
      t,
    )?.[1]
  if (
    signoff &&
    !/^(?:thanks|thank|mate|all|everyone|again|so|much|guys|folks|love|lots|team)\b/iu.test(
      signoff,
    ) &&
    /^(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}$/u.test(
      signoff,
    )
  )
    return `my name is ${signoff}`
  const self = /^[Mm]yself\s+([\p{Lu}].*)$/u.exec(t)
  if (self) return `my name is ${self[1]!}`
  const what = /^((?:a|an)\s+)?([\p{L}][\p{L}\s'-]{2,60}?)\s+here$/iu.exec(t)
  if (
    what &&
    !/^(?:I|we|it|that|this|everything|nothing|someone|no one|he|she|they)\b/iu.test(what[2]!)
  )
    return `I am ${what[1] ?? ''}${what[2]!}`
  return t
}

/** "my GP changed, it's now Dr Evans", "our bin day has changed - it's Fridays now". */
const CHANGED_NOW =
  /^((?:my|our|the|his|her|their)\s+[\p{L}\p{N}'’ -]{1,40}?)\s+(?:has\s+|have\s+|just\s+)*(?:changed|switched)(?:\s+(?:again|too|as well))?\s*(?:[,;:—–-]\s*|\s+(?:and|so)\s+)(?:it|they|she|he)(?:['’]s|\s+is|\s+are|['’]re)\s+(?:now\s+)?(.+?)(?:\s+now)?(,.+)?$/iu

/** Spelled-out clause text without lead-ins; `correction` when it opened with "actually", "no wait"… */
function prepare(raw: string): { text: string; correction: boolean } {
  let text = kinNamesCapitalised(expand(raw.trim()))
    // A leading emoji or symbol ("📌 need to sign…") is decoration.
    .replace(/^(?:[\p{Extended_Pictographic}\p{S}\uFE0F\u200D]+\s*)+/u, '')
    // A list number or bullet ("(1) My new office number is…", "2. book the vet") is layout.
    .replace(/^(?:\(\d{1,2}\)|\d{1,2}[.)](?=\s)|[-*•–](?=\s))\s*/u, '')
    .replace(/[.!?…]+$/u, '')
    .trim()
  // "12th*", "it's the 12th, not the 10th, sorry": a typo's fix, an apology after the fix.
  let correction = /\S\*$|,\s*(?:sorry|sry|soz|my bad|oops)$/iu.test(text)
  if (correction) text = text.replace(/\*$|,\s*(?:sorry|sry|soz|my bad|oops)$/iu, '').trim()
  for (let i = 0; i < 5; i++) {
    const cp = CORRECTION_PREFIX.exec(text) ?? OWNED_MISTAKE.exec(text)
    if (cp) {
      correction = true
      text = text.slice(cp[0].length).trim()
      continue
    }
    const p = PREFIX.exec(text) ?? ASIDE_LEAD.exec(text)
    if (p) {
      text = text.slice(p[0].length).trim()
      continue
    }
    const c = CORRECTION_LEAD.exec(text) ?? NO_THEN_VALUE.exec(text)
    if (
      c &&
      c[0] !== '' &&
      !/^(?:no|wait|rather|I mean)\s+(?:one|longer|idea|thanks|problem|worries)\b/iu.test(text)
    ) {
      correction = true
      text = text.slice(c[0].length).trim()
      continue
    }
    const l = LEAD.exec(text)
    if (l && l[0] !== '') {
      text = text.slice(l[0].length).trim()
      continue
    }
    break
  }
  // "my GP changed, it's now Dr Evans": the thing's new value, told as a change.
  const news = CHANGED_NOW.exec(text)
  if (news) text = `${news[1]!} is ${news[2]!} now${news[3] ?? ''}`
  // "scratch that, it's Snowdonia": after a correction, "it's X" gives a value, not a name.
  text = (correction ? text : introduction(text))
    // "can't eat gluten btw, coeliac": chat fillers in the middle say nothing.
    .replace(/(?<=\S)[\s,]+(?:btw|fyi|tbh|lol|haha|imo)\b(?=[\s,])/giu, '')
  text = text.replace(
    /^(?:I think|I guess|I believe|I suppose|pretty sure|I'm pretty sure|I am pretty sure)\s+(?=I\b|my\b)/iu,
    '',
  )
  return { text: holdsNow(text), correction }
}

const LIST_HEADER =
  /^(?:this week|today|tonight|tomorrow|this weekend|next week|reminders?(?: for me)?|todos?|to-dos?|to do|tasks?(?: for (?:today|this week))?|errands|things to do|my list|on my list|on my plate)\s*[:—–-]\s*(.+)$/iu

/** Items of a list typed on one line ("finish the doc by Wednesday, prep the slides, and book flights"). */
function listItems(body: string): string[] {
  return body
    .split(
      /\s*[,;]\s*(?:and\s+|&\s+)?|\s+and\s+(?=(?:book|buy|call|email|pay|renew|send|finish|prep|write|fix|get|pick|drop|sort|submit|order|schedule|plan|clean|review|cancel)\b)/iu,
    )
    .map((t) => t.trim())
    .filter((t) => t !== '')
}

/**
 * "things to sort: change my address with the bank, redirect post, cancel the gym": a list under a
 * header of the person's own words, when what it lists are things to do.
 */
function todoList(body: string): string | null {
  const m = /^((?:[\p{L}'’-]+\s+){0,4}[\p{L}'’-]+)\s*:\s*(.+)$/u.exec(body)
  if (!m || /^(?:bug|issue|problem|error|note|update|correction|todo|to-?do)$/iu.test(m[1]!))
    return null
  const items = listItems(m[2]!)
  return items.length >= 2 &&
    items.filter((i) => isNoteToSelf(i)).length >= Math.ceil(items.length * 0.66)
    ? m[2]!
    : null
}

/** "now I …", "these days we …": a time that holds now, said before the one it holds for. */
const HOLDS_NOW =
  /^(now|these days|nowadays|currently|at the moment)\s*,?\s+(?=(?:I|we|my|our)\s+(?!(?:think|thought|guess|remember|realise|realize|know|mean|come|see)\b))/iu

/**
 * "now I live in Norwich", "these days I drive for Uber": what holds now, said the way the rules
 * read it ("I live in Norwich now").
 */
function holdsNow(text: string): string {
  const when = HOLDS_NOW.exec(text)
  return when ? `${text.slice(when[0].length)} ${when[1]!.toLowerCase()}` : text
}

const SUBJECT_START =
  /^(?:I|my|we|our)\b|^(?:need|needs|gotta|got|have to|must|should|want|love|hate|like|prefer|can't|cannot|working|moved|started|joined|sold|bought|live|living|also|work (?:as|at|for|in)|works (?:as|at|for|in))\b|^(?:based|staying|residing)\s+(?:in|near|outside)\b|^home\s+is\b/iu

/**
 * "I was a pharmacist in Aleppo for 11 years, now I live in Leipzig": what holds now, after what
 * held before, is a second thing said. ("we changed our day off, now we are closed on Wednesdays"
 * is one: the news and what it is.)
 */
function nowAfterThen(previous: string, piece: string): boolean {
  return (
    /^(?:now|these days|nowadays)\s+(?:I|we)\b/iu.test(piece) &&
    /\b(?:was|were|used to|came|grew up|retired|for\s+(?:\d+|[\p{L}-]+)\s+(?:years?|yrs)|in\s+(?:19|20)\d\d)\b/iu.test(
      previous,
    )
  )
}

/** "my supervisor is Prof. Hart, co-supervisor Dr Osei": a second named role, said as the first was. */
function relationAfter(previous: string, piece: string): string | null {
  if (!new RegExp(`^(?:my|our)\\s+(?:${RELATION_PATTERN})\\s+is\\s`, 'iu').test(previous))
    return null
  const m = new RegExp(
    `^(?:and\\s+)?(?:my\\s+|our\\s+)?(${RELATION_PATTERN})\\s+((?:(?:Dr|Mr|Mrs|Ms|Prof)\\.?\\s+)?\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?)$`,
    'iu',
  ).exec(piece.trim())
  return m && /^\p{Lu}/u.test(m[2]!.replace(/^(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+/u, ''))
    ? `my ${m[1]!} is ${m[2]!}`
    : null
}

/**
 * ", director of infra is Paul Brandt", ", the driver is a lad called Pádraig", ", contact person is
 * Svenja": who holds a role, a clause of its own after a comma.
 */
const ROLE_HOLDER = new RegExp(
  `^(?:the\\s+|my\\s+|our\\s+|their\\s+)?(?:[\\p{Ll}-]+\\s+){0,2}(?:${RELATION_PATTERN}|supplier|driver|contact|contact person|director|lead|head|owner|rep|agent|engineer|designer|developer|architect|pm|po|cto|ceo|cfo|coordinator|officer|admin|sponsor|editor|examiner|consultant)(?:\\s+of\\s+[\\p{L}-]+)?\\s+(?:is|are)\\s+(?:(?:an?)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:called|named)\\s+)?(?:(?:Dr|Mr|Mrs|Ms|Prof)\\.?\\s+)?\\p{Lu}\\p{Ll}+`,
  'u',
)

/** ", on metformin 500mg": a medicine taken, said after a condition of the speaker's own. */
const ON_DOSE = /^on\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s+\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ml|units?)\b/iu

/** ", landlord is a guy called Viktor", ", my GP's Dr Shah": who someone is, a thing said on its own. */
const NAMED_RELATION = new RegExp(
  `^(?:my\\s+|our\\s+|the\\s+)?(?:${RELATION_PATTERN})(?:'s name)?(?:\\s+is|'s|\\s+=)\\s+(?:a\\s+(?:guy|woman|man|lady|bloke)\\s+called\\s+|called\\s+|named\\s+)?(?:Dr\\.?\\s+|Mrs?\\.?\\s+|Ms\\.?\\s+)?\\p{Lu}`,
  'iu',
)

/** ", rent is now €1,520": a new amount, said after what brought the news. */
const CHANGED_AMOUNT = new RegExp(
  `^(?:my\\s+|our\\s+|the\\s+)?(?:${ATTRIBUTES})\\s+(?:is|are)\\s+now\\b`,
  'iu',
)

/** "a 41-year-old UX researcher living in Tampere": where they live, said after what they are. */
const LIVING_IN =
  /^((I\s+am\s+)?(an?\s+)?([^,]{3,}?))\s+((?:living|based|staying|residing)\s+(?:in|near|outside)\s+\p{Lu}.*)$/u

/**
 * "in Columbus, Ohio", "at Brenner & Cole, Leeds": the town, state or country of the place or firm
 * just named, not a second thing said.
 */
function placeGoesOn(previous: string, piece: string): boolean {
  return (
    /\b(?:in|at|near|from|outside|of|on)\s+(?:\p{Lu}[\p{L}'.&-]*\s+){0,2}\p{Lu}[\p{L}'.-]*$/u.test(
      previous,
    ) &&
    /^\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*){0,2}$/u.test(piece) &&
    isPlace(piece)
  )
}

/** Splits "I can't eat gluten and I'm allergic to peanuts" into one clause per thing said. */
function clauses(said: string): string[] {
  // "me and my wife Sneha are going to Japan": said as "my wife Sneha and I", so no clause is "me".
  const text = said.replace(
    /(^|,\s+)(?:me|myself)\s+and\s+((?:my|our)\s+[^,]{2,40}?|\p{Lu}[\p{L}'-]+)\s+(?=(?:are|were|have|had|will|would|got|went|just|both|need|want|are going|love|like|run|own|share|live|rent|bought|started|moved|do|did)\b)/iu,
    '$1$2 and I ',
  )
  const pieces = text.split(/,\s+(?=\S)/u).reduce<string[]>((acc, piece) => {
    // A comma starts a new clause only when what follows can stand on its own.
    if (
      acc.length === 0 ||
      (!placeGoesOn(acc[acc.length - 1]!, piece) &&
        (SUBJECT_START.test(piece) ||
          nowAfterThen(acc[acc.length - 1]!, piece) ||
          (ON_DOSE.test(piece) && /^I\b/u.test(acc[acc.length - 1]!)) ||
          ROLE_HOLDER.test(piece) ||
          relationAfter(acc[acc.length - 1]!, piece) !== null ||
          NAMED_RELATION.test(piece) ||
          CHANGED_AMOUNT.test(piece) ||
          isFollowUp(piece) ||
          appositive(acc[acc.length - 1]!, piece) ||
          // "my name is Kayleigh, twins r called Mason…": nothing more belongs to a name.
          (/^my name is\b/u.test(acc[acc.length - 1]!) &&
            INTRODUCED.test(acc[acc.length - 1]!) &&
            piece.split(/\s+/u).length >= 3) ||
          (acc.length >= 2 &&
            appositive(acc[0]!, acc[acc.length - 1]!) &&
            appositive(acc[0]!, piece))))
    )
      acc.push(
        NAMED_RELATION.test(piece) && !/^(?:my|our|the)\s/iu.test(piece) ? `my ${piece}` : piece,
      )
    else acc[acc.length - 1] = `${acc[acc.length - 1]!}, ${piece}`
    const relation = relationAfter(acc[acc.length - 2] ?? '', piece)
    if (relation !== null && acc[acc.length - 1] === piece) acc[acc.length - 1] = relation
    return acc
  }, [])
  return pieces
    .map(holdsNow)
    .flatMap(companion)
    .flatMap((p) => rejoinCompanion(splitClauses(p)))
    .flatMap(sharedSubject)
    .flatMap(coordinated)
    .flatMap((c) => {
      const living = LIVING_IN.exec(c)
      return living && (living[2] || living[3] || isJob(living[4]!))
        ? [living[1]!, living[5]!]
        : [c]
    })
    .flatMap(livingWith)
}

const KIN = `(?:older |younger |little |big |twin |new |best |eldest |youngest |oldest )?(?:${RELATION_PATTERN})`
const NAMED = `(?:Dr\\.?\\s+)?\\p{Lu}[\\p{Ll}'’-]+`
/** "my wife Keiko and I are expecting", "we went to Lisbon with my partner João". */
const COMPANION = new RegExp(
  `^(?:[Mm]y|[Oo]ur)\\s+(${KIN}),?\\s+(${NAMED})\\s+and\\s+I\\b|^(?:I|we)\\b.*?\\bwith\\s+(?:my|our)\\s+(${KIN}),?\\s+(${NAMED})\\b`,
  'u',
)

/** "my brother Asif" + "I run it": the two of them are one subject, not two clauses. */
function rejoinCompanion(parts: string[]): string[] {
  const bare = new RegExp(`^(?:my|our)\\s+${KIN},?\\s+${NAMED}$`, 'iu')
  return parts.reduce<string[]>((acc, part) => {
    const prev = acc[acc.length - 1]
    if (prev !== undefined && bare.test(prev) && /^I\s/u.test(part))
      acc[acc.length - 1] = `${prev} and ${part}`
    else acc.push(part)
    return acc
  }, [])
}

/** Someone named on the way to something else is worth knowing on their own: "my wife is Keiko". */
function companion(clause: string): string[] {
  const m = COMPANION.exec(clause)
  // Who they live with is read by `livingWith`.
  if (
    !m ||
    /^(?:I|we)\s+(?:live|lived|share|rent|stay|am living|are living|am staying)\b/iu.test(clause)
  )
    return [clause]
  const kin = (m[1] ?? m[3])!
  const name = (m[2] ?? m[4])!
  if (kin.includes(' ') ? false : !/\p{Ll}/u.test(kin)) return [clause]
  return [clause, `my ${kin} is ${name}`]
}

/** "I live in Tucson with my sister Ruth": where they live, and who they live with, by name. */
const LIVING_WITH = new RegExp(
  `^((?:I|we)\\s+(?:live|lived|moved|share|stay|am staying|are staying|am living|are living|rent)\\b.*?)\\s+with\\s+((?:my|our)\\s+(?:(?:two|three|four|\\d)\\s+)?(?:${RELATION_PATTERN})s?,?\\s+\\p{Lu}[\\p{L}'’-]+(?:(?:,\\s+|\\s+and\\s+)\\p{Lu}[\\p{L}'’-]+)*)(.*)$`,
  'u',
)

function livingWith(clause: string): string[] {
  const m = LIVING_WITH.exec(clause)
  if (!m || m[1]!.split(/\s+/u).length < 3) return [clause]
  const subject = /^we\b/iu.test(m[1]!) ? 'we' : 'I'
  return [`${m[1]!}${m[3]!}`.trim(), `${subject} live with ${m[2]!}`]
}

const SECOND_VERB =
  /^(.*?\S)\s*,?\s+and\s+(?:also\s+)?(?=(?:live|work|prefer|love|like|hate|enjoy|need|have|use|study|teach|run|own|drive|play|speak|volunteer|coach|manage|lead|am|was|moved|started|joined)\b)(.+)$/iu

/**
 * "I live in Hackney and work as a UX researcher", "I'm building a RAG pipeline and prefer pgvector
 * over Pinecone": two things said about one subject, read as two clauses ("I work as …").
 */
function sharedSubject(clause: string): string[] {
  const subject = /^(I|we)\s/iu.exec(clause)
  const m = subject ? SECOND_VERB.exec(clause) : null
  if (!subject || !m || m[1]!.split(/\s+/u).length < 3 || m[2]!.split(/\s+/u).length < 2)
    return [clause]
  // "I need to email Sam and work on the deck": the second verb is needed too.
  const modal =
    /\b(need to|needs to|have to|has to|must|should|gotta|got to|am going to|are going to|want to|plan to|will|intend to|would like to)\s/iu.exec(
      m[1]!,
    )
  return [m[1]!, ...sharedSubject(`${subject[1]!} ${modal ? `${modal[1]!} ` : ''}${m[2]!}`)]
}

/** A piece of an introduction as a statement: "Lagos born", "Manchester based", "living in York". */
function aboutMe(piece: string): string {
  const born = /^([\p{Lu}][\p{L}\s'-]*?)\s+(?:born|born and raised|bred)$/u.exec(piece)
  if (born) return `I was born in ${born[1]!}`
  const based = /^([\p{Lu}][\p{L}\s'-]*?)\s+(?:based|resident)$/u.exec(piece)
  if (based) return `I am based in ${based[1]!}`
  // "…, Chicago office": where they work.
  if (
    /^\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)?\s+(?:office|branch|site|campus|store|depot|plant|hub)$/u.test(
      piece,
    )
  )
    return `I work from the ${piece}`
  // "…, CPA", "…, RGN": letters after a name say what they are.
  // (Said letter by letter: "an MBA", "a CPA".)
  if (/^\p{Lu}{2,5}$/u.test(piece) && !isPlace(piece))
    return `I am ${/^[AEFHILMNORSX]/u.test(piece) ? 'an' : 'a'} ${piece}`
  // "…, Pune": a bare place after an introduction is where they are.
  if (/^\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,2}$/u.test(piece))
    return isPlace(piece) ? `I am based in ${piece}` : piece
  const restored = restoreSubject(piece)
  if (restored !== piece) return restored
  // "…, call me Dukes": a request to be called so, not something they do.
  if (/^(?:please\s+)?(?:call me|address me|refer to me)\b/iu.test(piece)) return piece
  // "…, drive a hackney in Coventry", "…, cover Swindon and 20 miles round": what they do.
  const terms = parse(piece).terms()
  // ("band 3" is a grade, not a verb and its object.)
  if (
    terms.first().has('#Infinitive') &&
    terms.length > 1 &&
    !terms.eq(1).has('#Value') &&
    !isJob(piece.split(/\s+(?:at|with|for|in|from|on|of)\s+|,/u)[0]!)
  )
    return `I ${piece}`
  // "…, two kids", "…, 3 cats": how many of something they have.
  if (
    /^(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d{1,3})\s+(?:[\p{L}-]+\s+)?[\p{L}-]+$/iu.test(
      piece,
    ) &&
    !/\b(?:years?|months?|weeks?|days?|hours?|yrs?|y\/o|yo)\b/iu.test(piece)
  )
    return `I have ${piece}`
  // "…, residential team": a bare group or thing, with no job, number, name or place in it, is
  // not something the person is.
  if (
    !isJob(piece) &&
    !/[\p{N}\p{Lu}]/u.test(piece) &&
    !/\b(?:at|in|from|with|for|of|on)\b/iu.test(piece) &&
    !parse(piece).has('#Adjective') &&
    !CONDITIONS.test(piece) &&
    !DIETS.test(piece)
  )
    return piece
  return `I am ${piece}`
}

/** "I am Pieter van Wyk", "my name is Dr Helena Marsh": a clause that only says who they are. */
const INTRODUCED = new RegExp(
  `^(?:hi|hello|hey)?[\\s!,]*(?:I\\s+am|my name is)\\s+(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx|Rev)\\.?\\s+)?\\p{Lu}\\p{Ll}+(?:-\\p{L}\\p{Ll}+)?(?:\\s+(?:${NAME_PARTICLE}\\s+)?${FAMILY_NAME}){0,2}(?:\\s+(?:by the way|btw|here))?$`,
  'u',
)

/** "I'm Chloe, 29, product designer at Penwright": a bare noun phrase after "I am X" says more about me. */
function appositive(previous: string, piece: string): boolean {
  const own = piece.replace(SINCE_I_WAS, '')
  return (
    INTRODUCED.test(previous.split(',')[0]!.trim()) &&
    // "I'm Sam, I work at Acme": a clause with its own subject is not an apposition.
    !/^(?!IT\b)(?:I|I'm|we|my|our|you|he|she|they|it|this|that|there)\b/iu.test(piece.trim()) &&
    !/\bI\b/u.test(own) &&
    !/^(?:want|need|have|had|got|and|or|but|so|also)\b/iu.test(piece.trim()) &&
    !/\b(?:is|are|was|were|has|have|do|does)\b/iu.test(own) &&
    piece.split(/\s+/u).length <= 14 &&
    !/^(?:which|who|that|because|but|so|though|although|not|never|rather|instead|no)\b/iu.test(
      piece,
    )
  )
}

const BUT_DROPPED =
  /(?<=\S{3,}.*),?\s+but\s+(?=(?:(?:also|still|now|currently|really|absolutely)\s+)?(?:cannot|can not|do not|never|hate|love|like|prefer|enjoy|adore|dislike|detest|staying|living|working|based in|originally from|allergic|vegetarian|vegan)\b)/iu

const SO_UNIT = new RegExp(`,?\\s+so\\s+(?=(?:please\\s+)?(?:use\\s+)?${UNIT}\\b)`, 'iu')

/** " also the boiler is…", " plus my car needs…": where a second thing said is joined on. */
const ALSO_THE =
  /(?<=\S+\s+\S+\s+\S+.*)\s+(?:also|plus|oh and|and also)\s+(?=(?:the|my|our)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:is|are|was|were|keeps?|has|have|needs?|isn't|aren't|won't|doesn't|broke|died|stopped)\b)/u

/** "name's Dennis Pryce retired from…": a name, then what they did, without a stop between. */
const NAME_THEN_VERB =
  /^((?:my\s+name\s+is|my\s+name['’]s|name['’]s|name\s+is|I\s+am)\s+\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})\s+(\p{Ll}[\p{Ll}'’-]*)(\s+\S.*)$/u

/**
 * "name's Dennis Pryce retired from the fire service in 2019", "my name is Ana work in a care
 * home": who they are and what they did or do are two things said, when what follows the name
 * reads as said with "I" left out.
 */
function nameThenMore(text: string): string[] {
  const m = NAME_THEN_VERB.exec(text)
  // ("my name's Thandi should've started with that": a remark on the chat, not a thing they do.)
  if (
    !m ||
    /^(?:and|or|but|here|btw|by|of|in|at|on|if|lol|haha|should|shouldve|should['’]ve|must|need|gotta|will|would|could|might|may|can['’]t|cannot)$/u.test(
      m[2]!,
    )
  )
    return [text]
  const rest = `${m[2]!}${m[3]!}`
  // Only a verb of what they did ("retired", "moved", "studied") or where they live and work: "my
  // name is Sam from Leeds" and the like stay one thing said.
  return (parse(m[2]!).has('#PastTense') || /^(?:live|work)$/u.test(m[2]!)) &&
    restoreSubject(rest) !== rest
    ? [m[1]!, rest]
    : [text]
}

function splitClauses(text: string): string[] {
  return (
    text
      .split(/\s+[–—]\s+|\s+-\s+(?=\S+\s+\S)/u)
      .flatMap((t) =>
        t.split(
          /,\s+and\s+(?=(?:the|my|our|his|her|their)\s+\S+\s+(?:is|are|was|were|has|have|works|got)\b)|,?\s+so\s+(?=(?:please\s+)?(?:use\s+)?\p{L}+(?:\s+\p{L}+)?\s+time\s+(?:for everything|please|going forward|from now on)\b)/iu,
        ),
      )
      // "we moved to Toronto, so Celsius from now on": the unit is a request of its own.
      .flatMap((t) => t.split(SO_UNIT))
      // "GOT THE JOB 🎉 starting at Stripe in June": emoji stand between two things said.
      .flatMap((t) =>
        t.split(
          /\s*(?:[\p{Extended_Pictographic}\uFE0F\u200D]+\s*)+(?=(?:I|my|we|our)\b|\p{Ll}+ing\b)/u,
        ),
      )
      // "I love literary fiction but can't stand fantasy", "from Coimbatore but staying in Pune":
      // a second thing said of the same person, without saying "I" again.
      .flatMap((t) => t.split(BUT_DROPPED))
      .flatMap((t) =>
        t.split(
          /,?\s+but\s+(?=(?:please\s+|you can\s+|just\s+)?(?:call me|everyone calls me|people call me|I go by)\b)|\s*;\s*|(?<!\b(?:expires?|expiring|runs out|due)\b[^,]*),?\s+(?:and|but|also|plus|so|(?<!\beven\s)though|although|while|whereas)\s+(?=(?:(?:now|these days|nowadays)\s+)?(?:I|my|we|our)\b(?!\s+(?:and|or|are|were|have been)\b))|,\s+so\s+(?=(?:please\s+)?(?:use|call|keep|give|write|answer|reply|switch)\b)|,\s+(?=(?:I am|I have|I work|I live|my|I need|I prefer|I love|I like|I hate|I use|we use|our)\b)|\s+[–—]\s+(?=(?:I|my|we|our)\b)/u,
        ),
      )
      .flatMap(nameThenMore)
      // "so I live in Leeds I work at the hospital": dictated without stops.
      .flatMap(runOn)
      // "need to book the MOT also the boiler is leaking": a second thing joined on with "also".
      .flatMap((t) => t.split(ALSO_THE))
      .map((c) => c.trim())
      .filter((c) => c !== '')
  )
}

/**
 * What a person adds after a problem to say what it stops them doing or costs them is part of the
 * problem, not a second thing to remember: "the shed lock has rusted solid, can't get my tools
 * out", "the scanner keeps logging me out so I lose my pick rate", "there's mould on the window
 * frame and I keep coughing".
 */
function isConsequence(core: string, said: Set<string>): boolean {
  return (
    said.has('issue') &&
    /^I\s+(?:can't|cannot|can not|couldn't|could not|have no time|am unable|still can't|(?:always\s+|then\s+)?(?:lose|miss|end up|keep (?!meaning|forgetting|putting|trying)\p{L}+ing))\b/iu.test(
      core,
    )
  )
}

/** ", not Samantha" at the end of a statement names the value it replaces. */
function notClause(text: string): { text: string; replaces: string | null } {
  // "not Kofi, the deputy is Kwame": the old value named before the statement.
  const first =
    /^(?:not|rather than)\s+((?:the\s+)?[\p{L}\p{N}][\p{L}\p{N}.'/+ -]{0,40}?)[,;]\s+(.*\b(?:is|am|are|was|'s)\b.+)$/iu.exec(
      text,
    )
  if (first) return { text: first[2]!.trim(), replaces: tidy(first[1]!) }
  const m =
    /^(.*\b(?:is|am|are|was|'s)\b.+?)[,;]?\s+(?:not|rather than|instead of)\s+((?:the\s+)?[\p{L}\p{N}][\p{L}\p{N}.'/+ -]{0,40})$/iu.exec(
      text,
    ) ??
    // "Ellie works at Wythenshawe now, not Salford": a change said with "now" names the old value too.
    /^(.+?\bnow)[,;]?\s+not\s+((?:the\s+)?[\p{L}\p{N}][\p{L}\p{N}.'/+ -]{0,40})$/iu.exec(text)
  if (
    !m ||
    /^(?:I|we)\s+(?:am|are|do|does|can)\s+not\b/iu.test(text) ||
    // "…, so do not suggest coffee places": a request not to, naming no old value.
    (/(?:,|\bso|\bplease|\bjust)\s+do$/iu.test(m[1]!.trim()) &&
      /^(?:suggest|recommend|book|schedule|remind|send|show|offer|give|put|plan)\b/iu.test(
        m[2]!,
      )) ||
    // "compressor is giving problem, temperature not coming below 12": how a thing is not doing,
    // not a value it replaces.
    /^\p{Ll}+ing\b/u.test(m[2]!) ||
    // "I am really not a coffee drinker": nothing said before "not" but how much.
    /\b(?:is|am|are|was|'s)(?:\s+(?:really|just|honestly|definitely|still|simply|totally|so|truly|\p{L}+ly))*$/iu.test(
      m[1]!.trim(),
    )
  )
    return { text, replaces: null }
  return { text: m[1]!.trim(), replaces: tidy(m[2]!) }
}

/**
 * "my manager Colin wants the damp report by the 10th": a task asked by someone of the person's,
 * named in passing, also tells who they are ("my manager is Colin"), kept before the task.
 */
function withAsker(found: Reading | null, core: string, now: Date): Reading | null {
  if (found?.type !== 'capture' || found.captures.length !== 1) return found
  if (found.captures[0]!.kind !== 'task') return found
  const named = namedInPassing(core)
  const who = named ? readClause({ text: named, now, correction: false, explicit: false }) : null
  if (who?.type !== 'capture' || !who.captures.every((c) => c.kind === 'fact')) return found
  return { ...found, captures: [...who.captures, ...found.captures] }
}

/** Runs the rules on one clause; status changes first, since they refer to items already held. */
function readClause(clause: Clause): Reading | null {
  const { text } = clause
  const status = readStatus(clause)
  if (status) {
    const rest = RULES.find((r) => r(clause) !== null)
    const otherwise = status.otherwise ?? (rest ? (rest(clause)?.[0] ?? null) : null)
    // A generic reading of a report of routine work done ("I sent the slides") adds nothing; a
    // life event in the past tense ("got married in 2019", "bought a house") is still a fact.
    const routine =
      /^(?:I|we)?\s*(?:have\s+|just\s+|finally\s+|already\s+|also\s+)*(?:finished|completed|submitted|sent|shipped|delivered|handed in|turned in|filed|paid|booked|renewed|scheduled|rescheduled|cancelled|canceled|called|emailed|texted|messaged|wrapped up|closed|merged|deployed|released|posted|uploaded|returned|picked up|dropped off|ordered|signed|mailed|fixed|cleaned|updated|printed|reviewed|approved|finalized|finalised|sorted|took care of|dealt with|handled|crossed off|ticked off|checked off|confirmed|backed up|cleared|packed|answered|reported|done)\b/iu.test(
        text,
      ) || /^(?:the|my|our)\b/iu.test(text)
    // "plumber flushed the water heater, no more banging" reports a fix, not a wish for no more.
    const wish =
      otherwise?.kind === 'preference' && status.status === 'resolved' && status.target === 'issue'
    // "the deposition is scheduled for Thursday at 10", "MOT booked for the 16th": done now, but
    // what it set up is still ahead, and worth keeping when no task was waiting for it.
    const ahead =
      /\b(?:scheduled|rescheduled|booked|arranged|confirmed|moved)\b/iu.test(text) &&
      findDates(text, clause.now).some((d) => Date.parse(d.iso) > clause.now.getTime())
    const keep =
      otherwise && !(rest === general && routine && !ahead) && !wish ? otherwise : status.otherwise
    // "got the car washed" with nothing open for it: a thing done, kept as done, never as one to do
    // ("got to finish the report" reads as a task in its own words, and stays one).
    const doneNow =
      keep?.kind === 'task' && status.status === 'done' && /^(?:I|we)\b/iu.test(keep.text)
    return {
      type: 'status',
      sentence: text,
      update: { ...status, otherwise: doneNow ? { ...keep, done: true } : keep },
    }
  }
  if (CONTEXT_ONLY.test(text)) return { type: 'chat', sentence: text, aside: true }
  // "my colleague Tom is retiring at Easter": a friend's news is theirs, told as so but not kept.
  if (friendsNews(text) || othersTrouble(text)) return { type: 'chat', sentence: text }
  // "Nickel price down again", "fuel's up 90p a litre": how a market moves is no one's to keep.
  if (marketNews(text)) return { type: 'chat', sentence: text }
  // "Ay, this grey weather is killing me", "its hot already": the day's weather is no one's to keep.
  if (weatherTalk(text)) return { type: 'chat', sentence: text }
  const reported = REPORTED.exec(text) ?? REPORTED_SAY.exec(text)
  // What a professional says about the person is about them ("my doctor said my cholesterol is a
  // bit high", "physio reckons it's ITB"): filed as said, with who said it.
  const who = reported
    ? reported[0]!.split(/\s+(?:said|says|say|told|tells|thinks|reckons|mentioned)\b/iu)[0]!
    : ''
  // "Dr Okonjo says I must book a blood test before my review": what they said I must do is a task,
  // kept with who said it. How to live ("Dr Osei says I should cut down on salt") is advice, filed
  // below as a fact.
  const told =
    reported && /^(?:said|says|say|told me|tells me|mentioned)$/iu.test(reported[1]!)
      ? TODO_TOLD.exec(reported[2]!)
      : null
  // A friend's "I should get a dog" is their advice; a professional's "I should book a scan" is a to-do.
  if (told && (PROFESSIONAL.test(who) || !/^\S+\s+should\b/iu.test(told[0]))) {
    let task: Capture[] | null = null
    for (const rule of RULES) if ((task = rule({ ...clause, text: told[0] }))?.length) break
    const first = task?.[0]
    if (first && task!.length === 1 && first.kind === 'task')
      return {
        type: 'capture',
        sentence: text,
        captures: [{ ...first, text: `${first.text} (${lowerFirst(tidy(who))} said)` }],
      }
  }
  if (
    reported &&
    PROFESSIONAL.test(who) &&
    // "my boss said the office is closing in June" is news about the office, not the person.
    (!/\b(?:manager|boss|supervisor|teacher|tutor|coach|trainer|landlord|letting agent|lawyer|solicitor|accountant|mechanic)$/iu.test(
      who,
    ) ||
      /\b(?:I|me|my|mine)\b|\b(?:rent|lease|deposit|tenancy|salary|pay rise|raise|bonus|contract|rota|shifts?|hours|promotion|appraisal|review|repairs?|invoice|bill)\b/iu.test(
        reported[2]!,
      ))
  )
    return {
      type: 'capture',
      sentence: text,
      captures: [capture('fact', text, { correction: clause.correction })],
    }
  // Reported speech counts only when it is about the person ("my doctor said my cholesterol is high").
  if (
    reported &&
    (/^(?:thinks|believes|feels|reckons)$/iu.test(reported[1]!) ||
      !/\b(?:I|me|my)\b/u.test(reported[2]!) ||
      new RegExp(`^(?:my|our)\\s+(?:${RELATION_PATTERN})\\b`, 'iu').test(reported[2]!) ||
      /^(?:everyone|everybody|people|they|someone|somebody|the news|twitter|reddit)$/iu.test(
        reported[0]!.split(/\s+/u)[0]!,
      ))
  )
    return { type: 'chat', sentence: text, aside: true }
  const retract = RETRACT.exec(text)
  if (retract) {
    const about = tidy(retract[1] ?? retract[2] ?? retract[3] ?? '')
    if (about !== '' && !/^(?:sure|certain|kidding|joking)\b/iu.test(about))
      return { type: 'retract', sentence: text, retraction: { text, about, subject: null } }
  }
  const not = notClause(text)
  const c = { ...clause, text: not.text }
  for (const rule of RULES) {
    const found = rule(c)
    if (found && found.length > 0)
      return {
        type: 'capture',
        sentence: text,
        captures: found.map((f) => ({
          ...dayOfValue(f, clause.now),
          replaces: f.replaces ?? not.replaces,
          correction: f.correction || not.replaces !== null || clause.correction,
        })),
      }
  }
  return null
}

/**
 * "my dentist is tomorrow": a fact whose value is only a day said relative to now keeps the day it
 * means ("… is on Thursday, March 5") and its date, so it still reads right next week.
 */
function dayOfValue(c: Capture, now: Date): Capture {
  if (c.kind !== 'fact' || c.due !== null || c.schedule !== null || c.value === null) return c
  const [whole] = findDates(c.value, now)
  if (!whole || whole.phrase.trim().length < c.value.replace(/^(?:on|at)\s+/iu, '').trim().length)
    return c
  const [said] = findDates(c.text, now)
  if (!said) return c
  const text = anchorDate(c.text, said, now)
  return text === c.text ? c : { ...c, text, due: dueOf(said) }
}

/** The readings without the facts and preferences they captured; tasks, problems and news stay. */
function keepNoFacts(readings: Reading[]): Reading[] {
  return readings.flatMap((r): Reading[] => {
    if (r.type !== 'capture') return [r]
    const captures = r.captures.filter((c) => c.kind === 'task' || c.kind === 'issue')
    return captures.length > 0 ? [{ ...r, captures }] : []
  })
}

/**
 * A correction that only gives the new value: "it's CEST", "make that 35", "35, I keep forgetting",
 * "it's Maple Grove Elementary, not Maplewood".
 */
function amendmentOf(text: string): { value: string; not: string | null } | null {
  // What follows the value is why it was wrong ("…, I always flip it"), unless it names the old one.
  const [first, ...after] = (AMEND.exec(text)?.[1] ?? text).split(/,\s+|\.\s+|;\s*/u)
  // "not Mondays, Thursdays": the old value named first, then the new one.
  const before = /^(?:not|rather than|instead of)\s+(.+)$/iu.exec(first!)
  if (before && after[0]) {
    const fixed = amendmentOf(after[0])
    return fixed && !fixed.not ? { value: fixed.value, not: tidy(before[1]!) } : null
  }
  const said = /^(?:not|rather than|instead of)\s/iu.test(after[0] ?? '')
    ? `${first!}, ${after[0]!}`
    : first!
  const not = /^(.+?),?\s+(?:not|rather than|instead of)\s+(.+)$/iu.exec(said)
  // "Sunita not at Manipal anymore": a state that ended, told of someone, not one value for another.
  if (not && /\b(?:anymore|any\s+more|no\s+more)$/iu.test(not[2]!.trim())) return null
  const value = tidy(not ? not[1]! : said).replace(
    /\s+(?:now|these days|instead|then|actually|tbh)$/iu,
    '',
  )
  // "correction, it lands 9:40pm": what it does, said again with the one new value of a form.
  const pointed = /^(?:it|that|they|he|she)\s+(?:[\p{L}'’]+\s+){1,2}/iu.exec(value)
  const forms = pointed ? formValues(value.slice(pointed[0].length)) : []
  if (pointed && forms.length === 1 && forms[0]!.form !== 'number')
    return { value: forms[0]!.text.trim(), not: not ? tidy(not[2]!) : null }
  if (value === '' || value.split(/\s+/u).length > 5) return null
  // Without "it's"/"make that", only something that looks like a value corrects ("35", "Pixel 8a"),
  // or a word said in place of the old one named ("I meant amoxicillin not penicillin").
  const thing = (w: string): boolean =>
    w.split(/\s+/u).length <= 2 && parse(w).has('#Noun') && !parse(w).has('(#Adjective|#Adverb)')
  const named = not !== null && thing(value) && thing(tidy(not[2]!))
  if (
    !AMEND.test(text) &&
    (parse(value).has('#Verb') ||
      /^(?:I|we|my|our|you)\b/iu.test(value) ||
      (!named && !/[\p{N}\p{Lu}]/u.test(value))) &&
    !WHICH_ONE.test(value)
  )
    return null
  return { value, not: not ? tidy(not[2]!) : null }
}

/** Replaces the value of the last capture ("My timezone is CET. No wait, it's CEST."). */
function amend(last: Capture, value: string): Capture {
  const v = tidy(value)
  const text =
    last.value && last.text.includes(last.value)
      ? last.text.replace(last.value, v)
      : `${last.text} (${v})`
  return { ...last, text, value: v, replaces: last.value, correction: true }
}

/**
 * Reads a message sentence by sentence: what to remember, what changed, what was asked.
 * Deterministic and offline. `now` is the message's time, for "by Friday" and "this week".
 *
 * @example
 * analyze('I work at Acme Corp. Where do I live?', new Date())
 * // → readings: capture (fact "I work at Acme Corp", subject employer), question (lookup: home)
 */
export function analyze(message: string, now: Date): Analysis {
  return { readings: read(message, now) }
}

/**
 * Whether a message is the person telling something as so: not a question, a greeting, a
 * hypothetical ("if the promotion comes through…"), someone else's view ("Dave says…") or a paste.
 */
export function isStatement(message: string, now: Date): boolean {
  const readings = read(message, now)
  return (
    readings.length > 0 &&
    readings.every(
      (r) => r.type === 'capture' || r.type === 'status' || (r.type === 'chat' && !r.aside),
    )
  )
}

const NEXT_QUESTION =
  /\s*(?:[,;]\s*(?:and\s+|&\s+|also\s+|plus\s+)?|\s+(?:and|&|also|plus)\s+)(?=(?:what|what's|whats|when|when's|where|where's|who|who's|whose|which|why|how|is|are|am|was|were|do|does|did|have|has|can|will|should)\b(?!\s+not\b))/iu
/** What a question is about, without how it asks: "what's due on Halstead" → "due on Halstead". */
const ASKING_LEAD =
  /^(?:(?:what|when|where|who|whose|which|why|how)(?:'s|\s+(?:is|are|was|were|do|does|did|am|will|should|can)\b)?|(?:is|are|am|was|were|do|does|did|have|has|can|will|should))(?:\s+|$)(?:I\s+|we\s+|the\s+)?/iu
/**
 * "Where does Tom work and what's his number?": each part asked on its own. A part that only points
 * back ("and when?", "and who's it with?") is asked about what the part before named. Null when the
 * question is one question.
 */
function questionParts(text: string, now: Date): Question[] | null {
  const pieces = text.split(NEXT_QUESTION).map((t) => t.trim())
  if (pieces.length < 2 || pieces.length > 4) return null
  const out: Question[] = []
  let topic = ''
  for (const piece of pieces) {
    const own = piece.replace(ASKING_LEAD, '').replace(/[?!.\s]+$/u, '')
    const pointsBack =
      topic !== '' &&
      (own === '' ||
        /^(?:it|that|this|they|them|he|she|her|his|its|their|there|then)\b(?:\s+\S+){0,3}$/iu.test(
          own,
        ))
    // "where does my sister live and what's her job?": "her" is my sister.
    const owner = (MY_RELATION.exec(topic) ?? /\b\p{Lu}\p{Ll}+(?=\s|$)/u.exec(topic))?.[0]
    const said = owner ? piece.replace(/\b(?:her|his|their)\b(?=\s+\p{L})/iu, `${owner}'s`) : piece
    const asked =
      pointsBack && said === piece ? `${piece.replace(/[?!.\s]+$/u, '')} ${topic}?` : `${said}?`
    const q = readQuestion(asked, now)
    if (!q) return null
    if (out.some((o) => JSON.stringify(o) === JSON.stringify(q))) continue
    out.push(q)
    if (!pointsBack) topic = own
  }
  return out
}

/** "bank and post", "the TV licence and the direct debit form": the things a status names, one by one. */
function severalThings(about: string): string[] {
  const parts = about.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/u).map((p) => p.trim())
  return parts.length >= 2 &&
    parts.length <= 4 &&
    parts.every(
      (p) =>
        p !== '' &&
        p.split(/\s+/u).length <= 4 &&
        !/^(?:I|we|it|they|he|she|you|then|also|no)\b/iu.test(p) &&
        // "post" may be read as a verb alone; "plumber came" says what happened, not what.
        (!p.includes(' ') || !parse(p).has('#Verb')),
    )
    ? parts
    : [about]
}

/**
 * Whether a bare phrase in an introduction, read only as "I am …", says more of the thing told just
 * before it rather than something of its own: "climbing instructor, mostly Stanage and Burbage",
 * "I am Deaf, BSL first language": it names a place, a firm or a language. A number, a doing
 * ("flying out of Aberdeen"), a word for the person ("Polish", "left-handed", "night shift") or
 * anything the rules know (a diet, a condition) stays its own.
 */
function describesLast(before: Capture, next: Capture, phrase: string): boolean {
  return (
    before.kind === 'fact' &&
    before.subject !== 'name' &&
    next.kind === 'fact' &&
    next.subject === null &&
    next.due === null &&
    next.schedule === null &&
    next.text.toLowerCase() === `i am ${phrase.toLowerCase()}` &&
    !/\p{N}/u.test(phrase) &&
    // ("lorry driver out of Felixstowe" is a job of its own, wherever it is.)
    !isJob(phrase.split(/\s+(?:at|with|for|in|from|on|of|out of|based in)\s+/u)[0]!) &&
    !parse(phrase).has('#Verb') &&
    // A place, a firm, a language named: "mostly Stanage and Burbage", "BSL first language"
    // ("left-handed", "night shift" are the person's own).
    /\p{Lu}/u.test(phrase) &&
    /\s/u.test(phrase) &&
    parse(phrase).has('#Noun')
  )
}

/** Puts `next` where `last` stood in the latest capture reading (a correction or a follow-up of it). */
/** Why a request was made, or how a task stands, said after it: "I skim everything", "I keep putting it off". */
const REASON_AFTER_REQUEST =
  /^I\s+(?:am\s+|would\s+|will\s+)?(?:usually|always|never|just|mostly|often|only|basically|normally|generally|rather)\b|^I\s+(?:skim|scan)\b/iu
const STANDING_OF_TASK =
  /^I\s+(?:keep|kept)\s+(?:putting|puting|pushing)\s+(?:it|this|that)\s+off\b|^(?:I\s+)?(?:must|need to|have to)\s+not\s+forget\b|^I\s+have\s+not\s+(?:started|begun|done|touched)\b|^I\s+am\s+\S+\s+(?:hours?|days?|weeks?|credits?|points?)\s+(?:short|behind)\b/iu

/**
 * What the person does around a day just told, pointing back at it: "my son's football is Tuesdays
 * 6pm, I have to close early those days", "…for lambing from 20 March, so I gotta sort placement
 * dates around that". ("…need to get receipts to the accountant before that" is a task of its own.)
 */
const AROUND_IT = /\b(?:around (?:that|it|them|those)|those days|them days|that day)\b/iu

/** A request of the assistant itself: "I want you to …", "don't be giving me …". */
const ASKS_OF_ME = /\byou\b|^(?:do not|don't|dont)\s+(?:be\s+)?\w+(?:ing)?\s+me\b/iu

/** "can't stand the stuff", "I've had enough of that": ending on what was just said. */
const ENDS_POINTING_BACK = /\b(?:the stuff|that|those|this)$/iu

/** What a thing to do makes possible, said after it with "so": "I can get paid". */
const WHAT_IT_IS_FOR =
  /^(?:I|we)\s+(?:can|could|will be able to|am able to|are able to)\s+(?!not\b)/iu

/** Whether a clause only explains the thing filed just before it in the same sentence. */
function elaborates(before: Capture, next: Capture, afterSo: boolean): boolean {
  // "open a bank account by the 17th so I can get paid", "…so I can take Friday off": what the
  // task is for, whatever day it names.
  if (before.kind === 'task' && afterSo && WHAT_IT_IS_FOR.test(next.text)) return true
  if (next.subject !== null || next.due !== null) return false
  // "I'm allergic to latex so I use only nitrile gloves", "my cholesterol is high so I'm trying to
  // eat better": what the person does because of a fact is part of that fact.
  if (afterSo && before.kind === 'fact' && next.kind === 'fact')
    return /^(?:I|we)\b/u.test(next.text)
  if (before.kind === 'preference' && (next.kind === 'preference' || next.kind === 'fact'))
    return (
      REASON_AFTER_REQUEST.test(next.text) ||
      POINTS_BACK.test(next.text) ||
      ENDS_POINTING_BACK.test(next.text) ||
      // "use 24 hour clock please, I mix up am and pm after nights": after a request of me, what the
      // person says of themselves is why they asked.
      (ASKS_OF_ME.test(before.text) && /^(?:I|we|my|our)\b/u.test(next.text))
    )
  // "please don't suggest 'cures', I've had enough of that": a feeling about what was just asked.
  if (before.kind === 'preference' && next.kind === 'task')
    return ENDS_POINTING_BACK.test(next.text)
  if (before.kind === 'task')
    return STANDING_OF_TASK.test(next.text) || (next.kind === 'task' && AROUND_IT.test(next.text))
  if (
    before.kind === 'fact' &&
    next.kind === 'task' &&
    (before.due !== null || before.schedule !== null) &&
    AROUND_IT.test(next.text)
  )
    return true
  // "Our financial manager is Mr Pillay, I report to him", "allergic to latex so I use only nitrile
  // gloves": said of what came just before, and nothing new of its own.
  if (before.kind === 'fact' && (next.kind === 'fact' || next.kind === 'preference'))
    return (
      POINTS_BACK.test(next.text) &&
      !/\b(?:her|it)\b/iu.test(next.text.replace(POINTS_BACK_STRONG, '')) &&
      !/\b(?:my|our)\s(?!own\b)/iu.test(next.text) &&
      !/(?<=\S\s+)\p{Lu}|\d/u.test(next.text)
    )
  return false
}

const POINTS_BACK_STRONG = /\b(?:him|them|those days|them days|that day|as well|after all)\b/giu

/** Words that point back to what was just said ("him", "those days", "as well", "after all"). */
const POINTS_BACK =
  /\b(?:him|her|them|it|those days|them days|that day|these days|the (?:[\p{L}-]+\s+)?ones\b|the (?:morning|evening|early|late|first|last) one\b|as well|after all|instead|so I\b)|^I\s+(?:prefer|would like)\s+that\s+you\b|^my English is\b/iu

/** Whether `clause` was joined on to what came before it in `said` with "so". */
function joinedBySo(said: string, clause: string): boolean {
  const start = clause
    .trim()
    .slice(0, 16)
    .replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
  return start !== '' && new RegExp(`\\bso[,\\s]+${start}`, 'iu').test(said)
}

function replaceLast(readings: Reading[], last: Capture, next: Capture): void {
  const r = readings[readings.findLastIndex((x) => x.type === 'capture')]
  if (r && r.type === 'capture') r.captures = r.captures.map((c) => (c === last ? next : c))
}

function read(message: string, now: Date): Reading[] {
  const readings: Reading[] = []
  const sentences = bareIntroduction(
    splitSentences(namedOne(message)),
    (s) => {
      const said = prepare(s).text
      return (
        said === '' ||
        GREETING.test(said) ||
        GREETING_LEAD.test(`${said},`) ||
        /^(?:alright|right|right then|ok|okay|so|well|hiya|hullo|evening all|morning all)$/iu.test(
          said,
        )
      )
    },
    (s) => s.replace(GREETING_LEAD, ''),
  )
  // A pasted document or log is not someone telling you about themselves, sentence by sentence.
  if (sentences.length > MAX_SENTENCES || message.length > MAX_CHARS)
    return [{ type: 'document', sentence: message.slice(0, 80) }]
  let last: Capture | null = null
  let previous: string | null = null
  for (const sentence of [...new Set(sentences)]) {
    if (!isEnglish(sentence)) {
      readings.push({ type: 'not-english', sentence })
      continue
    }
    const { text, correction } = prepare(sentence)
    const prior = previous
    previous = text
    if (text === '') {
      readings.push({ type: 'chat', sentence })
      continue
    }
    const fix =
      correction ||
      /^(?:(?:earlier|before)\s+)?(?:make that|I meant|(?:it is|it's|its) actually)\b/iu.test(text)
        ? amendmentOf(text)
        : null
    if (
      fix &&
      last &&
      (!fix.not || last.text.toLowerCase().includes(fix.not.toLowerCase()) || last.value === null)
    ) {
      const fixed = amend(last, fix.value)
      replaceLast(readings, last, fixed)
      last = fixed
      continue
    }
    const followed: Capture | null = last ? followUp(text, last, now) : null
    if (followed && last) {
      replaceLast(readings, last, followed)
      last = followed
      continue
    }
    if (fix) {
      readings.push({ type: 'amend', sentence, value: fix.value, replaces: fix.not })
      continue
    }
    // "got promoted to senior developer!", "promoted!! head chef now": the speaker's new role.
    const promoted = promotion(text, prior)
    if (promoted) {
      readings.push({ type: 'capture', sentence, captures: [promoted] })
      last = promoted
      continue
    }
    if (FORGET_LAST.test(text)) {
      if (last) {
        const prev = readings.findLastIndex((r) => r.type === 'capture')
        const r = readings[prev]
        if (r && r.type === 'capture') r.captures = r.captures.filter((c) => c !== last)
        last = null
        continue
      }
      readings.push({ type: 'forget', sentence, about: '' })
      continue
    }
    const asked = /\?\s*\S{0,3}\s*$/u.test(sentence)
    // "when I ask about mum, give me everything": a standing request, not a question or a "what if".
    const standing = !asked && conditionOf(text) !== null
    const question = standing ? null : readQuestion(asked ? `${text}?` : text, now)
    if (question) {
      const parts = questionParts(text, now)
      if (parts)
        for (const part of parts) readings.push({ type: 'question', sentence, question: part })
      else readings.push({ type: 'question', sentence, question })
      continue
    }
    const forget = FORGET.exec(text)
    if (forget && !/^(?:forget (?:to|it|about it))\b/iu.test(text)) {
      readings.push({ type: 'forget', sentence, about: tidy(forget[1]!) })
      continue
    }
    if (GREETING.test(text)) {
      readings.push({ type: 'greeting', sentence })
      continue
    }
    // "gonna grab a flat white, brb": stepping away for a moment, nothing to keep.
    if (AWAY.test(text)) {
      readings.push({ type: 'chat', sentence })
      continue
    }
    if ((THANKS.test(text) && text.split(/\s+/u).length <= 6) || onlyThanks(text)) {
      readings.push({ type: 'thanks', sentence })
      continue
    }
    const remember = REMEMBER.exec(text)
    const explicit = remember !== null
    const body = remember ? prepare(remember[1]!).text : text
    // "please note the following": what follows is in the next sentences.
    if (
      explicit &&
      /^(?:the\s+)?(?:following|these|this|below)(?:\s+(?:things?|points?|items?|details?))?$/iu.test(
        body,
      )
    ) {
      readings.push({ type: 'chat', sentence })
      continue
    }
    if (
      !explicit &&
      !standing &&
      (HYPOTHETICAL.test(body) || /^were (?:I|we)\b/iu.test(body) || isUndecided(body))
    ) {
      readings.push({ type: 'chat', sentence, aside: true })
      continue
    }
    let any = false
    const mark = readings.length
    const list = LIST_HEADER.exec(body)?.[1] ?? todoList(body)
    const parts = list ? listItems(list).map((item) => `TODO: ${item}`) : clauses(body)
    let prevClause = ''
    let sentenceLast: Capture | null = null
    // Whether the last thing read in this sentence changed how a task or problem stands.
    let afterStatus = false
    let explained = false
    const said = new Set<string>()
    // The clause before, when it was read as nothing ("MCA survey due, got to book it").
    let unreadBefore: { text: string; count: number } | null = null
    for (const raw of parts) {
      const bare = prepare(raw).text
      const apposed = prevClause !== '' && appositive(prevClause, raw)
      const part = apposed ? aboutMe(bare) : restoreSubject(bare)
      if (prevClause === '') prevClause = part
      const unread: string | null =
        unreadBefore && readings.length === unreadBefore.count && sentenceLast === null
          ? unreadBefore.text
          : null
      unreadBefore = { text: bare, count: readings.length }
      const more = last ? ALSO.exec(raw.trim()) : null
      const value = more ? (more[1] ?? more[2] ?? '').split(',')[0]!.trim() : ''
      if (
        more &&
        last &&
        value !== '' &&
        value.split(/\s+/u).length <= 4 &&
        !parse(value).has('#Verb')
      ) {
        const extra: Capture = { ...amend(last, value), replaces: null, correction: false }
        readings.push({ type: 'capture', sentence, captures: [extra] })
        last = extra
        any = true
        continue
      }
      // "MCA survey due, got to book it before 1 sept": "it" is the thing just named, kept or not.
      const thingDue: Capture | null =
        unread !== null && isFollowUp(bare) && parse(unread).has('#Noun')
          ? followUp(bare, capture('fact', upperFirst(tidy(unread))), now)
          : null
      if (thingDue) {
        readings.push({ type: 'capture', sentence, captures: [thingDue] })
        last = thingDue
        sentenceLast = thingDue
        any = true
        continue
      }
      const followed: Capture | null = last ? followUp(bare, last, now) : null
      if (followed && last) {
        replaceLast(readings, last, followed)
        last = followed
        any = true
        continue
      }
      const clauseCorrection =
        correction || CORRECTION_LEAD.test(raw.trim()) || CORRECTION_PREFIX.test(raw.trim())
      if (clauseCorrection && last && raw !== parts[0]) {
        const fix = amendmentOf(bare)
        if (fix) {
          const fixed = amend(last, fix.value)
          replaceLast(readings, last, fixed)
          last = fixed
          any = true
          continue
        }
      }
      // "In code I want spaces", "For the RAG prototype we're leaning towards Weaviate": the rules
      // read the clause without its setting, and the stored text keeps it.
      const setting =
        /^((?:in|for|at|on|with|when|during|after|before|since)\s+[^,]{1,40}?),?\s+(?=(?:I|we)\b)/iu.exec(
          part,
        )
      const core = setting ? part.slice(setting[0].length) : part
      const read1 = readClause({ text: core, now, correction: clauseCorrection, explicit: false })
      // "Our lab manager Joon orders all reagents", "Wife Brenda says…": their doings are theirs,
      // but who they are is the person's to know.
      const named = read1 === null || read1.type === 'chat' ? namedInPassing(core) : null
      let found = named
        ? (readClause({ text: named, now, correction: false, explicit: false }) ?? read1)
        : withAsker(read1, core, now)
      // "Working on a long read about Barcelona. My editor Ruth wants a draft by the 24th.", "I'm
      // redoing the Hendersons' kitchen. They want it finished by 1 June.": the day someone wants
      // "a draft" or "it" by is the deadline of the work just told, still without one. A named
      // asker's asking is kept as said; "they want it…" only dates the work.
      const asked =
        last !== null && last.due === null && found?.type === 'capture' ? wantedBy(core, now) : null
      if (
        asked?.pointsBack &&
        last &&
        (last.kind === 'task' || (last.kind === 'fact' && asked.pronoun))
      ) {
        const askerNamed = /(?<=\S\s*)\p{Lu}/u.test(asked.asker)
        const dated: Capture = {
          ...last,
          kind: 'task',
          due: dueOf(asked.due),
          text: askerNamed ? last.text : `${last.text}, ${lowerFirst(tidy(core))}`,
        }
        replaceLast(readings, last, dated)
        last = dated
        sentenceLast = dated
        any = true
        if (!askerNamed) continue
        found = {
          type: 'capture',
          sentence: text,
          captures: [capture('fact', core, { correction: clauseCorrection })],
        }
      }
      // After a status change or a problem, what follows in the sentence without "I" explains it
      // ("router's handled, Zen sent a replacement"; "the router is acting up, drops every evening").
      if (
        explained &&
        found?.type === 'capture' &&
        found.captures.every((c) => c.kind === 'fact') &&
        !/\b(?:I|my|me|we|our)\b/u.test(core)
      )
        continue
      if (found?.type === 'capture' && isConsequence(core, said)) continue
      if (found?.type === 'capture') for (const c of found.captures) said.add(c.kind)
      if (
        found?.type === 'status' ||
        (found?.type === 'capture' && found.captures.some((c) => c.kind === 'issue'))
      )
        explained = true
      const reading =
        setting && found?.type === 'capture'
          ? {
              ...found,
              captures: found.captures.map((c) =>
                c.text === upperFirst(tidy(core))
                  ? { ...c, text: upperFirst(`${setting[1]!}, ${lowerFirst(c.text)}`) }
                  : c,
              ),
            }
          : found
      // "got to get the V5 sorted before May so I can put it back on the road": what a task just
      // told (read as how it stands) makes possible is what it is for, not a fact of its own.
      if (
        afterStatus &&
        reading?.type === 'capture' &&
        reading.captures.every((c) => c.kind === 'fact' && WHAT_IT_IS_FOR.test(c.text)) &&
        joinedBySo(body, raw)
      ) {
        any = true
        continue
      }
      afterStatus = reading?.type === 'status'
      if (reading?.type === 'status') {
        // "bank and post are done": each thing named is done.
        for (const about of severalThings(reading.update.about))
          readings.push({ ...reading, sentence, update: { ...reading.update, about } })
        any = true
      } else if (reading) {
        const only =
          reading.type === 'capture' && reading.captures.length === 1 ? reading.captures[0]! : null
        const before = sentenceLast
        const afterSo = joinedBySo(body, raw)
        // "Chloe, 29, product designer": an age said in passing after the name is said of the
        // name, kept with it ("I'm 29" said on its own is a fact of its own).
        if (only && before && apposed && before.subject === 'name' && only.subject === 'age') {
          // Said back as two things ("your name is Jo; you are 34"), not as part of the name.
          const merged: Capture = {
            ...before,
            text: only.value ? `${before.text}; I am ${only.value}` : `${before.text}, ${bare}`,
          }
          replaceLast(readings, before, merged)
          last = merged
          sentenceLast = merged
          any = true
          continue
        }
        if (only && before && apposed && describesLast(before, only, bare)) {
          // Said of a job, it is kept with the job; said of anything else, it is not kept.
          if (before.subject === 'job' || before.subject === 'employer') {
            const merged: Capture = { ...before, text: `${before.text}, ${bare}` }
            replaceLast(readings, before, merged)
            last = merged
            sentenceLast = merged
          }
          any = true
          continue
        }
        // "Please reply in English only, my Bangla typing is slow": why the request was made.
        const why = only && before?.kind === 'preference' && whyAsked(body, only, bare)
        if (only && before && (why || elaborates(before, only, afterSo))) {
          // "avoid bullet points, I'd rather read paragraphs": why, said after what; one thing.
          const joint = afterSo && (before.kind === 'fact' || before.kind === 'task') ? ', so' : ','
          // "…Tuesdays 6pm, I have to close early those days": a to-do kept in a fact as said.
          // ("…after 10pm, I'm trying to sleep properly": why, not a to-do, so as said.)
          const said = only.kind === 'task' && (before.kind === 'fact' || why) ? bare : only.text
          const merged: Capture = {
            ...before,
            text: `${before.text}${joint} ${lowerFirst(said)}`,
          }
          replaceLast(readings, before, merged)
          last = merged
          sentenceLast = merged
          any = true
          continue
        }
        readings.push({ ...reading, sentence })
        if (reading.type === 'capture') {
          last = reading.captures[reading.captures.length - 1] ?? last
          sentenceLast = last
        }
        any = true
      }
    }
    // "lmao a patient fainted on me": a story told for a laugh keeps no fact or preference.
    if (toldForLaughs(sentence)) {
      const kept = keepNoFacts(readings.splice(mark))
      appendAll(readings, kept)
      if (last && !kept.some((r) => r.type === 'capture' && r.captures.includes(last!))) last = null
      any = kept.length > 0
    }
    // "sorry I meant the ferry is the 19th, the earlier sailing was sold out": what follows the
    // corrected value is why; the value is what to keep.
    const why = !any && correction ? /^([^,;]+?)[,;]\s/u.exec(body) : null
    const fixed = why ? readClause({ text: why[1]!, now, correction, explicit: false }) : null
    if (fixed?.type === 'capture' && fixed.captures.some((c) => formValues(c.text).length > 0)) {
      readings.push({ ...fixed, sentence })
      last = fixed.captures[fixed.captures.length - 1] ?? last
      any = true
    }
    if (!any && explicit) {
      const fact = capture('fact', body, { correction })
      readings.push({ type: 'capture', sentence, captures: [fact] })
      last = fact
      any = true
    }
    // "down to 85kg!", "she upped it to 80mg": only a new value, for whatever held the old one.
    // "solicitor says completion's been bumped to the 6th": a professional's news of a new value.
    const relayed =
      readings.length > mark &&
      readings.slice(mark).every((r) => r.type === 'chat' && r.aside === true) &&
      PROFESSIONAL.test(REPORTED.exec(text)?.[0].split(/\s+(?:said|says|told|tells)\b/iu)[0] ?? '')
    const changed = any && !relayed ? null : changedValue(text)
    if (changed && relayed) readings.splice(mark)
    if (changed) readings.push({ type: 'amend', sentence, value: changed, replaces: null })
    else if (!any) readings.push({ type: 'chat', sentence })
    // "got the new script, she upped it to 80mg": a new value in a later clause of a sentence read
    // as something else (a task done) is told as well, unless a capture already holds it.
    else if (!readings.slice(mark).some((r) => r.type === 'capture' || r.type === 'amend'))
      for (const piece of text.split(/\s*[,;]\s*|\s+(?:and|but|so)\s+/u).slice(1)) {
        const value = changedValue(piece)
        if (value) readings.push({ type: 'amend', sentence, value, replaces: null })
      }
  }
  return readings
}
