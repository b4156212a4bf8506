import { capture, type Rule } from './capture'
import { withoutWhenTail } from './when-tail'
import { anchorDate, dueOf, findDate, findSchedule } from './dates'
import {
  CONDITIONS,
  EVENT,
  DIETS,
  MEDICINE,
  NAME_PARTICLE,
  RELATION_PATTERN,
  TRANSIENT,
  isJob,
  isRelation,
} from './lexicon'
import { FRIENDS, FRIENDS_NEWS } from './friends-news'
import { isPlace } from './nlp'
import { STRONG_ISSUE } from './cues'
import { lowerFirst, tidy } from './text'
import { isNoteToSelf } from './subject-drop'

const NAME_WORD = "[\\p{Lu}][\\p{L}'’.-]*"

const DEMONYM =
  /^(?:British|English|Irish|Scottish|Welsh|Spanish|Polish|Turkish|Danish|Swedish|Finnish|Kurdish|Cornish|Jewish|Chinese|Japanese|Portuguese|Vietnamese|Taiwanese|Lebanese|Nepalese|Nepali|Sudanese|Senegalese|Maltese|Burmese|Congolese|Togolese|Bhutanese|Sinhalese|Guyanese|Bangladeshi|Sri Lankan|Jamaican|Zimbabwean|Ugandan|Tanzanian|Somali|Syrian|Iraqi|Saudi|Emirati|Indonesian|Malaysian|Singaporean|French|Dutch|German|Greek|Swiss|Thai|Italian|Canadian|American|Australian|Indian|Brazilian|Mexican|Nigerian|Kenyan|Korean|Russian|Ukrainian|Norwegian|Austrian|Belgian|Czech|Hungarian|Romanian|Egyptian|Iranian|Pakistani|Israeli|Filipino|Argentinian|Chilean|Colombian|Peruvian|Croatian|Serbian|Slovak|Slovenian|Bulgarian|Estonian|Latvian|Lithuanian|Icelandic|Moroccan|Ghanaian|Ethiopian|South African|New Zealander|Kiwi|Aussie|Brit|Yank)$/u

/** "on holiday this week", "off sick", "busy": where someone is now, not who or what they are. */
const STATE_VALUE =
  /^(?:on|in|at|off|away|out|back|home|sick|ill|busy|late|running late|travelling|traveling|asleep|awake|here|there|around|gone|leaving|coming|going|visiting|not|also|still|so|really|very|being)\b/iu

/** First words that are never a person's name, though capitalised at the start of a message. */
const NOT_A_NAME =
  /^(?:from|in|at|on|of|off|near|by|with|into|over|out|back|home|here|there|now|originally|also|still|just|not|so|really|very|currently|based|living|born|raised|married|single|retired|new|the|a|an|my|your|our|his|her|their)\b/iu

/** "My name is Sam", "I'm Sam Carter", "name's Priya". */
const name: Rule = ({ text, correction }) => {
  const m =
    /^(?:my\s+(?:full\s+|first\s+|real\s+)?name\s+is|my\s+name's|name is|name's|the name is|I\s+am\s+called)\s+(.+?)(?:\s+(?:btw|by the way|fyi|if you care|lol))*$/iu.exec(
      text,
    ) ??
    new RegExp(
      `^(?:hi|hello|hey)?[, ]*I\\s+am\\s+((?:(?:Dr|Prof|Mr|Mrs|Ms|Mx)\\.?\\s+)?${NAME_WORD}(?:\\s+(?:${NAME_PARTICLE}\\s+)?${NAME_WORD}){0,2})(?:\\s+(?:by the way|btw|here|fyi))?$`,
      'u',
    ).exec(text)
  if (!m) return null
  // "my name is dean": a name typed in lower case is stored as a name is written.
  const said = tidy(m[1]!).replace(/^(?:actually|now)\s+(?=\S)/iu, '')
  const value = /^[\p{Ll}'’-]+(?:\s+[\p{Ll}'’-]+){0,2}$/u.test(said)
    ? said.replace(/(^|[\s-])(\p{Ll})/gu, (_, gap: string, c: string) => `${gap}${c.toUpperCase()}`)
    : said
  // "From Ghana", "Originally Irish", "Back home": a capital that starts a line is not a name.
  if (NOT_A_NAME.test(value)) return null
  if (DEMONYM.test(value))
    return [capture('fact', text, { subject: 'nationality', value, correction })]
  if (!/^\p{Lu}/u.test(value) && !/name/iu.test(text)) return null
  return [capture('fact', `My name is ${value}`, { subject: 'name', value, correction })]
}

/** "I'm 34", "I am 34 years old", "I turned 40 last week". */
const age: Rule = ({ text, correction }) => {
  const m =
    /^I\s+(?:am|just turned|turned|will be|will turn)\s+(\d{1,3})(?:\s+(?:years?|yrs?)(?:\s+old)?)?(?:\s+(?:now|today|yesterday|this year|this week|last week|last month|at the weekend|on\s+\p{L}+day))?$/iu.exec(
      text,
    )
  if (!m) return null
  return [capture('fact', `I am ${m[1]} years old`, { subject: 'age', value: m[1]!, correction })]
}

/** "My birthday is May 5", "I was born on 3 March 1990". */
const birthday: Rule = ({ text, correction, now }) => {
  const m =
    /^(?:my\s+)?(?:birthday|bday|b-day|date of birth|dob)(?:'s|\s+is|\s*=|\s*:)\s*(?:on\s+)?(.+?)(?:\s+(?:btw|by the way|fyi|if you care|lol|haha))*$/iu.exec(
      text,
    ) ?? /^I\s+was\s+born\s+(?:on|in)\s+(.+)$/iu.exec(text)
  if (!m) return null
  const when = tidy(m[1]!)
  if (/^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)*$/u.test(when) && !findDate(when, now))
    return [
      capture('fact', `I was born in ${when}`, { subject: 'birthplace', value: when, correction }),
    ]
  return [
    capture('fact', `My birthday is ${when}`, { subject: 'birthday', value: when, correction }),
  ]
}

/** "I live in Berlin", "I'm based in Leeds", "I moved to Lisbon", "home is Toronto". */
const home: Rule = ({ text, correction }) => {
  const m =
    /^(?:I|we)\s+(?:now\s+|currently\s+|still\s+|actually\s+)*(?:live|am living|are living|reside|stay|am staying|am based|are based|have lived|have been living|just moved|moved|relocated|have moved|am moving|are moving|will be moving)\s+(?:back\s+)?(in|to|at|near|outside|outside of|just outside)\s+(.+?)(?:\s+(now|these days|since .+|for .+ years?|last (?:week|weekend|month|year|night|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?:a few|a couple of|\d+|two|three|four|five|six|some)\s+\p{L}+\s+ago|recently|this (?:year|month|week|weekend)|yesterday|over the weekend|in (?:\d{4}|jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day))?$/iu.exec(
      text,
    ) ??
    /^I\s+am\s+(?:now\s+)?in\s+(?:a|an|my|our)\s+(?:new\s+|little\s+|tiny\s+)?(?:flat|house|apartment|place|condo|bungalow|studio|room|houseshare|house share|cottage)\s+(in|near)\s+(.+?)(?:\s+now)?$/iu.exec(
      text,
    ) ??
    /^(?:my\s+)?(?:home|home base|current city)\s+(?:is|=)\s+(?:in\s+)?(.+)$/iu.exec(text)
  if (!m) return null
  const place = tidy(m.length > 2 ? m[2]! : m[1]!)
  const moved = /\b(?:moved|relocated|moving)\b/iu.test(text)
  if (
    moved &&
    !isPlace(place) &&
    /^\p{Lu}/u.test(place) &&
    !/\b(?:city|town|village|country|state|area|suburbs?|neighbou?rhood|flat|apartment|house)\b/iu.test(
      place,
    )
  )
    return null // "moved to Globex" is a new job, read by the work rule.
  if (/^(?:a|an|the)\s+(?:new\s+)?(?:team|role|job|position|company)\b/iu.test(place)) return null
  // "moved in on Saturday", "moved in with my boyfriend": "in" there ends the verb, naming no place.
  const movedIn = moved && /^in$/iu.test(m[1] ?? '')
  if (movedIn && !/^with\b/iu.test(place)) return null
  // "moved to the Avonmouth one", "the new one": a place standing for something said before;
  // "moved to the Leeds office", "the Avonmouth depot": a new place of work, not a home.
  if (
    /^the\s+(?:\S+\s+){0,2}one$/iu.test(place) ||
    (moved &&
      /\b(?:depot|office|branch|site|store|warehouse|plant|factory|yard|team|department|dept|ward|clinic|station|campus)$/iu.test(
        place.split(/\s+(?:in|on|at|near|by|from|last|this|next|since)\s+/u)[0]!,
      ))
  )
    return null
  const verb = /\bmov(?:e|ed|ing)\b|\brelocat/iu.test(text)
    ? /\b(?:am|are|will be) moving\b/iu.test(text)
      ? 'I am moving to'
      : 'I live in'
    : `I live ${m.length > 2 && !/^(?:to)$/iu.test(m[1]!) ? m[1]! : 'in'}`
  // "staying in Pune since 2019": how long is part of what was said.
  const since =
    /\s+((?:since\s+|for\s+(?:the\s+last\s+|the\s+past\s+)?)(?:\d+|a|an|two|three|four|five|six|seven|eight|nine|ten)\b.*)$/iu.exec(
      text,
    )
  const held = since && !place.includes(since[1]!) ? ` ${since[1]!}` : ''
  // "I moved to Munich last weekend": where they live, not "I live in Munich last weekend". A
  // month or a year is kept as when they moved ("I live in Leeds (moved in March)"); a day said
  // relative to today ("last weekend", "two weeks ago") would read wrong later, so it is not.
  const when = m.length > 3 && m[3] && !held && verb === 'I live in' ? m[3] : null
  const movedWhen = when && /^in\s/iu.test(when) ? ` (moved ${when})` : ''
  return [
    capture(
      'fact',
      movedIn
        ? `I live ${place}`
        : verb === 'I live in' && held
          ? `I have lived in ${place}${held}`
          : `${verb} ${place}${movedWhen}`,
      {
        subject: /\b(?:am|are|will be) moving\b/iu.test(text) ? 'moving to' : 'home',
        value: place,
        correction: correction || moved || /\bnow$/iu.test(text),
      },
    ),
  ]
}

const OTHERS_NEWS =
  /^(?:just\s+|has\s+just\s+|finally\s+)*(?:bought|got (?:engaged|married|a (?:new )?(?:car|puppy|dog|cat|tattoo|haircut))|had (?:a|her|his|their) (?!baby\b)|passed (?:his|her|their)|won|lost (?:his|her|their)|broke up|split up|went to|came back from|finished (?:his|her|their))\b/iu

/** "I'm from Ohio", "I grew up in Porto". */
const origin: Rule = ({ text, correction }) => {
  const m =
    /^I\s+(?:am|come)\s+(?:originally\s+)?from\s+(.+)$/iu.exec(text) ??
    /^I\s+(?:grew up|was raised)\s+(?:in|on|near)\s+(.+)$/iu.exec(text) ??
    // "my home town is Madurai", "native place is Coimbatore": where they are from.
    /^(?:my\s+)?(?:home town|hometown|native place|native town|native village)\s+(?:is|=)\s+(.+)$/iu.exec(
      text,
    )
  if (!m) return null
  return [capture('fact', text, { subject: 'hometown', value: m[1]!, correction })]
}

/**
 * Work: "I work at Acme Corp", "I'm a nurse at St Mary's", "I just started at Globex", "my manager
 * is Dana", "I report to Dana", "I'm on the payments team".
 */
/** "a fintech called Loomly" → "Loomly". */
const orgName = (phrase: string): string => {
  const called = /^(?:a|an|the)\s+[\p{L}\s-]+?\s+(?:called|named)\s+(.+)$/iu.exec(phrase.trim())
  return tidy(called ? called[1]! : phrase)
}

/** "biggest client right now is Kestrel Books", "main clients rn: Verde Café and Media Luna". */
const WORK_PARTY =
  /^(?:my\s+|our\s+)?((?:(?:biggest|main|best|new|newest|current|latest|first|only|key|top|anchor|regular)\s+)+)(client|customer|project|contract|account|supplier|investor|sponsor|gig|student|patient)s?\s+(?:(?:right now|rn|at the moment|atm|currently|now|this (?:month|year|term|quarter))\s*)?(?:is|are|=|:)\s+(\S.+)$/iu

/** A part of a workplace, not another employer: "C wing", "the Corby site", "Ward 7". */
const WORKPLACE_PART =
  /\b(?:wing|wards?|site|unit|floor|branch|depot|desk|department|dept|line|shift|rota|class|room|station|yard|plant|bay|store|shop|office|team|squad)\b/iu

/** "same job", "same role": a new place of work told as news, the work itself unchanged. */
const SAME_WORK = /\bsame\s+(?:role|job|position|title|work)\b/iu

const work: Rule = ({ text, correction }) => {
  const party = WORK_PARTY.exec(text)
  if (party) {
    // One biggest client at a time; a new one is one more.
    const one = !/\b(?:new|newest|latest|first|regular)\b/iu.test(party[1]!)
    return [
      capture('fact', text, {
        subject: one ? `${tidy(party[1]!).toLowerCase()} ${party[2]!.toLowerCase()}` : null,
        value: party[3]!,
        correction,
      }),
    ]
  }
  // "I'm at Superdrug now, same job", "since March I am in Revolut, same job": a new place of work
  // told as news ("in" only with the work said to be the same: "I'm in Tesco now" is a shop visited).
  const same = /^(.+?),?\s+(?:doing\s+(?:the\s+)?)?same\s+(?:role|job|position|title|work)$/iu.exec(
    text,
  )
  const at =
    /^(?:since\s+[^,]+,\s*)?I\s+am\s+(?:now\s+|currently\s+)?(?:at|with)\s+(\p{Lu}[\p{L}\p{N}&.' -]*?)(?:\s+(?:now|these days|since .+|full[- ]time|part[- ]time))?$/u.exec(
      same ? same[1]! : text,
    ) ??
    (same
      ? /^(?:since\s+[^,]+,\s*)?I\s+am\s+(?:now\s+)?in\s+(\p{Lu}[\p{L}\p{N}&.' -]*?)(?:\s+now)?$/u.exec(
          same[1]!,
        )
      : null)
  if (at && !isPlace(at[1]!))
    return [
      capture('fact', `I work at ${tidy(at[1]!)}`, {
        subject: 'employer',
        value: at[1]!,
        correction: correction || same !== null || /\bnow\b/iu.test(text),
      }),
    ]
  const roleAt =
    /^I\s+am\s+(?:now\s+)?(?:an?|the)\s+(.+?)\s+(?:at|for|with)\s+(?:a\s+[\p{L}\s-]+?\s+called\s+)?(\p{Lu}[\p{L}\p{N}&.' -]*)$/u.exec(
      text,
    )
  if (roleAt && !isPlace(roleAt[2]!))
    return [capture('fact', text, { subject: 'employer', value: roleAt[2]!, correction })]
  let m =
    /^I\s+(?:now\s+|currently\s+|still\s+|actually\s+)*(?:work|am working|have been working|work full[- ]time|work part[- ]time|am employed|am an? (?:intern|contractor|consultant|freelancer)|intern|freelance|consult)\s+(?:at|for|with|in)\s+(.+?)(?:\s+as\s+(?:an?\s+)?(.+))?$/iu.exec(
      text,
    )
  if (m) {
    const org = tidy(m[1]!)
    if (/^(?:home|the office|night|nights|weekends|a (?:desk|laptop))\b/iu.test(org)) return null
    return [capture('fact', text, { subject: 'employer', value: org, correction })]
  }
  m =
    /^I\s+(?:just\s+|recently\s+|have\s+)?(?:joined|started (?:a new job |working |my new job )?(?:at|with)|am starting (?:at|with)|got (?:a job|a new job|the job|hired|an offer) (?:at|with|by)|took a job (?:at|with)|moved to|switched to|am moving to|am joining)\s+(.+?)(?:\s+(?:as\s+((?:an?\s+)?.+)|last .+|this .+|in \w+|yesterday|today|recently))?$/iu.exec(
      text,
    )
  if (
    m &&
    /^(?:\p{Lu}|(?:a|an|the)\s+[\p{L}\s-]+?\s+(?:called|named)\s+\p{Lu})/u.test(m[1]!) &&
    !isPlace(orgName(m[1]!)) &&
    // "moved to C wing from Monday", "moved to the Corby site": a part of the same workplace.
    !WORKPLACE_PART.test(m[1]!) &&
    // "switched to Affinity this week, cancelled the subscription": a switch is to a thing used,
    // unless a role is said with it ("switched to Deloitte as an analyst", "same job").
    (!/^I\s+(?:\S+\s+)?switched\b/iu.test(text) || m[2] !== undefined || SAME_WORK.test(text))
  ) {
    // "started at Aldi on monday": the place, not when.
    const org = orgName(withoutWhenTail(m[1]!))
    return [
      capture('fact', `I work at ${org}${m[2] ? ` as ${tidy(m[2])}` : ''}`, {
        subject: 'employer',
        value: org,
        correction: true,
      }),
    ]
  }
  m =
    /^my\s+(?:employer|company|current employer|workplace|day job)\s+is\s+(.+)$/iu.exec(text) ??
    /^(?:my\s+|the\s+)?new\s+(?:job|role|position|gig|workplace)\s+is\s+(?:at|with)\s+(.+?)(?:,.*)?$/iu.exec(
      text,
    )
  if (m)
    return [
      capture('fact', `I work at ${tidy(m[1]!)}`, {
        subject: 'employer',
        value: m[1]!,
        correction: correction || /^(?:my\s+|the\s+)?new\b/iu.test(text),
      }),
    ]
  m =
    /^I\s+(?:am|work as|have been|became|got promoted to|was promoted to)\s+(?:now\s+)?(?:an?|the)\s+(.+?)(?:\s+(?:at|for|in|with)\s+(.+?))?(\s+now)?$/iu.exec(
      text,
    )
  if (m && isJob(m[1]!)) {
    const out = [
      capture('fact', text, {
        subject: 'job',
        value: m[1]!,
        correction: correction || m[3] !== undefined || /\bpromoted\b/iu.test(text),
      }),
    ]
    return out
  }
  m =
    /^I\s+(?:am\s+)?(?:now\s+)?(?:work(?:ing)?|employed|hired|contracting|freelancing)\s+as\s+(?:an?\s+|the\s+)?(.+?)(?:\s+(?:at|for|in|with)\s+(.+))?$/iu.exec(
      text,
    )
  if (m) return [capture('fact', text, { subject: 'job', value: tidy(m[1]!), correction })]
  m = /^my\s+(?:job|role|title|job title|position|profession|occupation)\s+is\s+(.+)$/iu.exec(text)
  if (m) return [capture('fact', text, { subject: 'job', value: m[1]!, correction })]
  m =
    /^my\s+(?:new\s+)?(?:manager|boss|line manager|supervisor|team lead|lead)\s+(?:is|will be)\s+(.+)$/iu.exec(
      text,
    ) ??
    /^I\s+(?:now\s+|directly\s+|currently\s+)*report\s+(?:directly\s+)?(?:in\s+)?to\s+(.+)$/iu.exec(
      text,
    )
  if (m && !STATE_VALUE.test(m[1]!))
    return [capture('fact', text, { subject: 'manager', value: m[1]!, correction })]
  if (m) return null
  m =
    /^I\s+(?:am|work|moved|switched|transferred|have moved|just moved|joined|am moving)\s+(?:now\s+)?(?:on|in|to|over to)?\s*(?:the\s+)?(.+?)\s+(team|squad|department|group|org)(?:\s+(?:last|this|next)\s+\w+|\s+now|\s+recently)?$/iu.exec(
      text,
    )
  if (m) return [capture('fact', text, { subject: 'team', value: m[1]!, correction })]
  return null
}

/** "I'm vegetarian", "I can't eat gluten", "I'm allergic to peanuts", "I have asthma". */
/** The diet a sentence says holds now: "vegetarian now rather than vegan" → vegetarian. */
function dietNow(text: string): string | null {
  const all = [...text.matchAll(new RegExp(DIETS.source, 'giu'))]
  for (const d of all) {
    const before = text.slice(0, d.index).toLowerCase()
    if (
      /(?:rather than|instead of|not|no longer|used to be|was|anymore)\s*(?:a\s+)?$/u.test(before)
    )
      continue
    return d[1]!.toLowerCase()
  }
  return null
}

/** "I need to order new glasses": an errand to get what their health needs, not a fact about them. */
function errandFor(text: string): boolean {
  const todo = /^I\s+need\s+to\s+(.+)$/iu.exec(text)?.[1]
  return (
    todo !== undefined &&
    isNoteToSelf(todo) &&
    !/^(?:take|use|wear|have|carry|keep|avoid|eat|drink)\b/iu.test(todo)
  )
}

const health: Rule = ({ text, correction }) => {
  if (
    /^I\s+(?:eat|am eating|started eating|have started eating|eat|do eat)\s+.+\s+again\b/iu.test(
      text,
    ) ||
    /\bnow rather than\b|\binstead of (?:being )?(?:a\s+)?(?:vegan|vegetarian|pescatarian)/iu.test(
      text,
    )
  ) {
    const diet = dietNow(text)
    return [
      capture('fact', text, {
        subject: 'diet',
        ...(diet ? { value: diet } : {}),
        correction: true,
      }),
    ]
  }
  if (
    /^I\s+(?:am\s+)?(?:now\s+)?(?:fully\s+)?(?:vegan|vegetarian|pescatarian|pescetarian|keto|paleo)\s+now\b/iu.test(
      text,
    ) ||
    (dietNow(text) && /\bnow\b/iu.test(text) && !/^I\s+(?:am\s+)?not\b/iu.test(text))
  ) {
    const diet = dietNow(text)!
    return [capture('fact', text, { subject: 'diet', value: diet, correction: true })]
  }
  const pain =
    /^(?:I\s+have\s+(?:a\s+)?(?:bad|sore|dodgy|weak|bum)\s+|my\s+(?:left\s+|right\s+|lower\s+|upper\s+)?)(knee|back|shoulder|neck|wrist|hip|ankle|elbow|foot|feet|hand|tooth|teeth|jaw|eyes?|ears?|stomach|gut)\b/iu.exec(
      text,
    )
  if (
    pain &&
    /\b(?:hurts?|aches?|pain|sore|bad|dodgy|weak|injur|acts up|flares? up|gives me trouble)\w*/iu.test(
      text,
    )
  )
    // "my back is so sore after every night shift", "my knee's been hurting since Sunday": a
    // trouble going on now is a problem (the symptom rule); "I have a bad knee" is who they are.
    // Every day, or swelling as they speak, is going on now too: "my wrist aches by lunch every day".
    // "my tooth very pain", "my eyes is bad": said of their own part with no "when" to it, it is
    // how it is now; "my knee hurts after anything over 10k" is how it always goes.
    return (/^my\b/iu.test(text) && !/\b(?:after|when|whenever|if|on long)\b/iu.test(text)) ||
      /\b(?:since|still|again|lately|recently|these days|this week|today|after every|killing|been (?:hurting|aching|sore|playing up|bad)|every (?:day|night|morning|evening|shift|time)|each (?:day|night|morning|evening|shift)|all the time|constantly|at the moment|right now|(?:is|are|keeps?)\s+(?:swelling|aching|hurting|throbbing|flaring|playing up|acting up|locking|clicking|giving way))\b/iu.test(
        text,
      )
      ? null
      : [capture('fact', text, { value: pain[1]! })]
  let m =
    /^I\s+(?:am|have been|have gone|went|became|am now|am strictly|am mostly)\s+(?:now\s+|strictly\s+|fully\s+|mostly\s+|a\s+)*(.+)$/iu.exec(
      text,
    )
  if (m && DIETS.test(m[1]!) && !/\bnot\b/iu.test(m[1]!)) {
    const diet = DIETS.exec(m[1]!)![1]!
    return [capture('fact', text, { subject: 'diet', value: diet, correction })]
  }
  // "I'm off dairy at the moment", "not drinking till March": food or drink left off for now.
  m =
    /^I\s+(?:am|have been)\s+(?:(?:staying|keeping|laying)\s+)?(?:off|not eating|not drinking|not having|avoiding|cutting out)\s+(?:the\s+)?(dairy|gluten|wheat|sugar|alcohol|booze|the drink|drink|caffeine|coffee|meat|red meat|carbs|bread|chocolate|sweets|crisps|fizzy drinks|junk food|takeaways|salt|cheese|eggs|pork|beef|fish|nuts|lactose|fried food)\b/iu.exec(
      text,
    )
  m ??=
    /^I\s+am\s+(?:not drinking|off the drink|teetotal for now)(?=$|\s+(?:at the moment|right now|for now|for a while|this month|these days|till|until|in|during|since|after|because|as)\b)/iu.exec(
      text,
    )
  if (m) return [capture('fact', text, { value: m[1] ?? 'alcohol' })]
  m =
    /^I\s+(?:cannot|can not|do not|never|should not|must not|am not allowed to|am not supposed to|try not to|avoid|stay away from|have to avoid|need to avoid|have cut out|cut out|gave up)\s+(?:eat\s+|drink\s+|have\s+|touch\s+|digest\s+|tolerate\s+|handle\s+)?(.+)$/iu.exec(
      text,
    )
  if (
    m &&
    (/\b(?:eat|drink|digest|tolerate|food|avoid|cut out|gave up|stay away)\b/iu.test(text) ||
      DIETS.test(text) ||
      // "I must not have cranberry juice" (on warfarin): what they may not have, never a to-do.
      /^I\s+(?:must not|should not|am not allowed to|am not supposed to)\s+have\s+(?!to\b)/iu.test(
        text,
      ))
  ) {
    const thing = tidy(m[1]!)
    if (/^(?:it|that|this|them|you)$/iu.test(thing)) return null
    return [capture('fact', text, { value: thing })]
  }
  m =
    /^I\s+(?:am|am severely|am very|am a bit|am mildly|am super)?\s*allergic\s+to\s+(.+)$/iu.exec(
      text,
    ) ??
    /^I\s+have\s+(?:an?\s+|a severe\s+|a mild\s+)?(.+?)\s+allerg(?:y|ies)$/iu.exec(text) ??
    /^my\s+(.+?)\s+allerg(?:y|ies)\b/iu.exec(text)
  if (m) return [capture('fact', text, { value: m[1]! })]
  m =
    /^I\s+(?:have|have had|suffer from|live with|was diagnosed with|got diagnosed with|am|take|use|wear|need|get|often get|tend to get|used to get)\s+(.+)$/iu.exec(
      text,
    )
  // "I get migraines about 3 a week": a condition; "I've been getting headaches since Sunday" is a
  // problem going on now (the symptom rule).
  if (
    m &&
    CONDITIONS.test(m[1]!) &&
    !/\b(?:since|still|again|lately|this week|today)\b/iu.test(text) &&
    // "I need to order new glasses", "need to renew my asthma prescription": an errand, a task;
    // "I need to use my inhaler before a run" is how they live.
    !errandFor(text)
  )
    return [capture('fact', text, { value: m[1]! })]
  // "ibuprofen doesn't agree with me", "the new tablets make me dizzy", "triptans do nothing for me":
  // how a medicine treats them is a health fact, not a taste.
  const reaction =
    /^(.{3,40}?)\s+(?:does not|do not|did not|never)\s+(?:agree with|work for|work on|help|suit)\s+me\b|^(.{3,40}?)\s+(?:makes?|made|gives?|gave|leaves?|left)\s+me\s+(?:feel\s+)?\S+|^(.{3,40}?)\s+(?:does|do|did)\s+(?:nothing|not much)\s+for\s+me\b|^I\s+(?:cannot|can not|must not|should not|am not allowed to)\s+take\s+(.{3,40})$|^I\s+(?:react|reacted)\s+(?:badly\s+)?to\s+(.{3,40})$/iu.exec(
      text,
    )
  const medicine = reaction ? (reaction.slice(1).find((g) => g !== undefined) ?? '') : ''
  if (reaction && MEDICINE.test(medicine) && !/^(?:it|that|this|they|he|she)\b/iu.test(medicine))
    return [capture('fact', text, { value: tidy(medicine) })]
  return null
}

/** The people a person has one of at a time: whoever is named for it replaces the one before. */
const ONE_OF =
  /^(?:new |old )?(?:boss|manager|supervisor|landlord|landlady|dentist|doctor|gp|therapist|physio|physiotherapist|psychiatrist|pediatrician|vet|accountant|lawyer|hairdresser|barber|mechanic|wife|husband|spouse|partner|girlfriend|boyfriend|fiance|fiancee|fiancé|fiancée)$/u

/**
 * The people and animals in a person's life: "my sister is a nurse in Leeds", "Dr. Lee is my
 * dentist", "my dog's name is Max", "my wife Ana works at the hospital".
 */
const relation: Rule = ({ text: said, correction }) => {
  const rel = `(?:${RELATION_PATTERN})`
  // "my accountant's Tom Reyes": before a name, "'s" is "is".
  // The relation is matched without regard to case ("My GP's Dr Shah"), the name with it.
  const text = said.replace(
    /^((?:[Mm]y|[Oo]ur)\s+([\p{L}-]+(?:\s+[\p{L}-]+)?))['’]s\s+(?=(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}(?:$|[,;.!]|\s+(?:and|who|from|at|in|of|on|as|he|she|now|these days|nowadays|instead|then|since|for)\b))/u,
    (whole, lead: string, who: string) =>
      new RegExp(`^(?:${rel})$`, 'iu').test(who) ? `${lead} is ` : whole,
  )
  let m = new RegExp(
    `^(?:my|our)\\s+((?:older |younger |little |big |twin |new |old |best |eldest |youngest |oldest )?${rel})(?:'s|s')\\s+(name|birthday|job|age|email|number|phone number)\\s+is\\s+(.+)$`,
    'iu',
  ).exec(text)
  if (m) {
    const who = tidy(m[1]!).toLowerCase()
    return [
      capture('fact', text, { subject: `${who} ${m[2]!.toLowerCase()}`, value: m[3]!, correction }),
    ]
  }
  m = new RegExp(
    `^(.+?)\\s+is\\s+(?:my|our)\\s+(?:new\\s+)?((?:older |younger |little |big |twin |best |eldest |youngest )?${rel})$`,
    'iu',
  ).exec(text)
  if (m && !/^(?:it|that|this|he|she|there|what|who)$/iu.test(m[1]!)) {
    return [capture('fact', text, { subject: tidy(m[2]!).toLowerCase(), value: m[1]!, correction })]
  }
  m = new RegExp(
    `^(?:my|our)\\s+((?:older |younger |little |big |twin |new |old |best |eldest |youngest |oldest )?${rel})\\s+(?:(${NAME_WORD})\\s+)?(is|was|are|works|work|lives|live|just|has|have|turned|turns|does|teaches|studies|runs|owns|got|moved|still|also|goes|go|attends|attend)\\b\\s*(.*)$`,
    'iu',
  ).exec(text)
  // "my brother just bought a house", "my mate Ollie got engaged": news of theirs, not a fact of
  // the person's life to keep (where they work or live, their age, stays).
  if (
    m &&
    (OTHERS_NEWS.test(`${m[3]} ${m[4] ?? ''}`) ||
      (FRIENDS.test(m[1]!) && FRIENDS_NEWS.test(`${m[3]} ${m[4] ?? ''}`))) &&
    !findSchedule(text) &&
    !/\b(?:19|20)\d\d\b/u.test(text) &&
    !/\b(?:we|us|our|me|my|I)\b/u.test(m[4] ?? '')
  )
    return null
  if (m) {
    const who = tidy(m[1]!).toLowerCase()
    const rest = `${m[3]} ${m[4] ?? ''}`.toLowerCase()
    const attr =
      /^(?:is|was) (?:(?:an?|some) (?:guy|man|woman|lady|bloke|chap|girl) )?(?:called|named)\b/u.test(
        rest,
      ) ||
      // "my accountant is Priya Shah": who fills a role there is one of.
      (ONE_OF.test(who) &&
        m[3] === 'is' &&
        !m[2] &&
        /^(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?\p{Lu}\p{Ll}/u.test(m[4] ?? ''))
        ? 'name'
        : /\b(?:works?|job|nurse|doctor|engineer|teacher|manager)\b/u.test(rest) ||
            (/^is an? /u.test(rest) &&
              isJob(rest.replace(/^is an? /u, '').split(/ (?:in|at|for) /u)[0]!))
          ? 'job'
          : /\blives?\b|\bmoved (?:to|back|house|out|away)\b/u.test(rest)
            ? 'home'
            : /^(?:is|turned|turns) \d+/u.test(rest)
              ? 'age'
              : /\bbirthday\b/u.test(rest)
                ? 'birthday'
                : null
    return [
      capture('fact', text, {
        subject: attr ? `${who} ${attr}` : null,
        value: m[4] ?? null,
        correction,
      }),
    ]
  }
  // "My wife Pauline passed away in 2022": a named relation, whatever is said of them.
  m = new RegExp(
    `^(?:[Mm]y|[Oo]ur)\\s+(${rel})\\s+(${NAME_WORD}(?:\\s+${NAME_WORD})?)\\s+\\p{Ll}`,
    'u',
  ).exec(text)
  // "My sister Greta's wedding is…" is about the wedding: the schedule rule reads it.
  if (m && isRelation(m[1]!.toLowerCase()) && !/['’]s$/u.test(m[2]!))
    return [capture('fact', text, { subject: null, value: m[2]!, correction })]
  m = new RegExp(
    `^I\\s+have\\s+(?:a|an|one|two|three|four|\\d+)\\s+(?:\\w+\\s+)?(${rel}|${rel}s)\\b(.*)$`,
    'iu',
  ).exec(text)
  // "I have a dentist appointment next Tuesday": an appointment, read by the schedule rule.
  if (
    m &&
    isRelation(m[1]!.replace(/s$/u, '')) &&
    !/^\s+(?:appointment|appt|visit|check-?up|session|consultation|call|meeting|review)s?\b/iu.test(
      m[2]!,
    )
  ) {
    const named = /\b(?:named|called)\s+(\S+)/iu.exec(m[2]!)
    return [
      capture('fact', text, {
        subject: named ? `${m[1]!.toLowerCase()} name` : null,
        value: named?.[1] ?? null,
      }),
    ]
  }
  m = new RegExp(`^(?:my\\s+)?(${rel})(?:'s|s')\\s+(birthday|name)\\s+is\\s+(.+)$`, 'iu').exec(text)
  if (m)
    return [
      capture('fact', text, {
        subject: `${m[1]!.toLowerCase()} ${m[2]!.toLowerCase()}`,
        value: m[3]!,
        correction,
      }),
    ]
  return null
}

/**
 * Schedules and appointments: "my flight to Oslo is on March 3", "gym class every Tuesday at 6",
 * "I have a dentist appointment on Friday at 3", "our standup is at 9:30 every weekday".
 */
const schedule: Rule = ({ text, correction, now }) => {
  const schedule = findSchedule(text)
  const date = findDate(text, now)
  if (!schedule && !date) return null
  // "The router is acting up, drops every evening": a problem with a pattern, not an appointment.
  if (STRONG_ISSUE.test(text) || /\bdrops\b/iu.test(text)) return null
  const event = EVENT.exec(text)
  if (
    event &&
    !/^(?:I|we)\s+(?:need|have to|must|should|want|plan|am going|will)\b/iu.test(text) &&
    !/\b(?:due|deadline)\b/iu.test(text)
  ) {
    const head = event[2]!
      .toLowerCase()
      .replace(/^married$/u, 'wedding')
      .replace(/^(?:baby|birth)$/u, 'due date')
    const name = (
      /^(?:wedding|due date)$/u.test(head)
        ? head
        : `${event[1] ? `${event[1].toLowerCase()} ` : ''}${head}`
    ).replace(/^(?:my|our|the|a|an|this|next|getting|is|are|i|we)\s+/u, '')
    const moved =
      /\b(?:moved|pushed|rescheduled|postponed|delayed|brought forward|changed|shifted|bumped)\b/iu.test(
        text,
      )
    const stored = date && !schedule ? anchorDate(text, date, now) : text
    return [
      capture('fact', stored, {
        subject: `${name} time`,
        value: schedule ?? date?.phrase ?? null,
        due: !schedule ? dueOf(date) : null,
        schedule,
        correction: correction || moved,
      }),
    ]
  }
  const m =
    /^(?:my|our)\s+(.+?)\s+(?:is|are|starts|start|begins|happens|takes place|will be|leaves|departs|lands|arrives|was moved|got moved|moved|has been moved)\b/iu.exec(
      text,
    ) ??
    /^I\s+have\s+(?:an?\s+|my\s+|the\s+)?(.+?)\s+(?:on|at|every|each|this|next|tomorrow|today|tonight|in)\b/iu.exec(
      text,
    ) ??
    /^I\s+(?:go to|attend|take|do|teach|play|train|run|swim|work out|volunteer|drive|pick up|drop off|visit|see|call)\s+(.+?)\s+(?:on|at|every|each|this|next|tomorrow|today|tonight)\b/iu.exec(
      text,
    ) ??
    /^(?:the\s+)?(.+?)\s+(?:is|are)\s+(?:on|at|every|each|this|next|tomorrow|today|tonight)\b/iu.exec(
      text,
    ) ??
    // "parents evening has been moved to next Wednesday": a day moved, said without "my".
    MOVED_TO.exec(text)
  if (!m) return null
  // "my son Jonas's birthday": the son's birthday, whatever his name (one subject, one value).
  const what = tidy(m[1]!).replace(NAMED_RELATION, '$1').toLowerCase()
  if (/\b(?:due|deadline)\b/iu.test(text)) return null
  if (
    what.split(' ').length > 6 ||
    /^(?:it|this|that|there|he|she|they|name|birthday)$/u.test(what)
  )
    return null
  const stored = date && !schedule ? anchorDate(text, date, now) : text
  return [
    capture('fact', stored, {
      subject: `${what} time`,
      value: schedule ?? date?.phrase ?? null,
      due: !schedule ? dueOf(date) : null,
      schedule,
      correction: correction || MOVED_TO.test(text),
    }),
  ]
}

/** "the X was / got / has been moved (back, forward) to …": the day something happens, changed. */
const MOVED_TO =
  /^(?:the\s+|my\s+|our\s+)?(.+?)\s+(?:was|got|has been|have been|is being|is|are)\s+(?:moved|pushed|rescheduled|postponed|put back|brought forward|changed|shifted|bumped)\s+(?:back\s+|forward\s+)?(?:to|till|until|for)\b/iu

const NAMED_RELATION = new RegExp(
  `\\b(${RELATION_PATTERN})\\s+\\p{Lu}[\\p{L}-]+(?:['’]s\\b|$)`,
  'u',
)

/** Contact details and devices: "my email is …", "my phone number is …", "I drive a Golf", "my laptop is a ThinkPad". */
const possession: Rule = ({ text, correction }) => {
  // "My TA is called Gwen", "our boat's named Wren": whatever it is, it has a name.
  const called = new RegExp(
    `^(?:[Mm]y|[Oo]ur)\\s+((?:[\\p{L}-]+\\s+){0,2}?[\\p{L}-]+?)(?:\\s+is|'s)\\s+(?:called|named)\\s+(${NAME_WORD}(?:\\s+${NAME_WORD})?)`,
    'u',
  ).exec(text)
  if (called)
    return [
      capture('fact', text, {
        subject: `${called[1]!.toLowerCase()} name`,
        value: called[2]!,
        correction,
      }),
    ]
  let m =
    /^my\s+(?:new\s+|current\s+|work\s+|personal\s+)*(email|e-mail|email address|phone|phone number|cell|number|address|car|laptop|computer|phone model|bike|house|apartment|flat|editor|ide|os|shell|keyboard|website|github|handle|username)\s+(?:is|=|:)\s+(.+)$/iu.exec(
      text,
    )
  if (m)
    return [
      capture('fact', text, {
        subject: m[1]!.toLowerCase().replace('e-mail', 'email'),
        value: m[2]!,
        correction,
      }),
    ]
  // One car and one bike at a time, not one of either: "I ride a Ducati" and "I drive a Vivaro".
  m = /^I\s+(?:now\s+)?(drive|ride)\s+(?:an?\s+|the\s+)?(.+)$/iu.exec(text)
  if (m)
    return [
      capture('fact', text, {
        subject: m[1]!.toLowerCase() === 'ride' ? 'bike' : 'car',
        value: m[2]!,
        correction,
      }),
    ]
  m =
    /^(?:I|we)\s+(?:have|own|got|bought|just bought|just got|adopted|just adopted|rescued|have got)\s+(?:an?\s+|two\s+|three\s+|\d+\s+|new\s+)+(.+)$/iu.exec(
      text,
    )
  if (
    m &&
    !/\b(?:question|idea|meeting|call|problem|issue|bug|feeling|headache|cold|day|time|chance|appointment|appt|session|consultation|check-?up|visit|deadline|lot|bit|few)\b/iu.test(
      m[1]!,
    )
  )
    return [capture('fact', text, { value: m[1]! })]
  return null
}

const BIOGRAPHY =
  /^(?:I|we)\s+(?:also\s+|usually\s+|always\s+|often\s+|mostly\s+|still\s+|currently\s+|now\s+|sometimes\s+|really\s+)*(?:speak|studied|study|graduated|went to|go to|grew up|was born|used to|have been|play|plays|write|run|cycle|swim|climb|hike|cook|bake|paint|knit|read|volunteer|teach|coach|train|practice|practise|meditate|collect|use|am using|code|program|develop|build|maintain|manage|lead|own|rent|share|take|wear|need|commute|bike|walk|drive|fly|travel|visit|spend|sleep|wake up|get up|go|went|married|got married|got engaged|am married|am engaged|am single|am divorced|am retired|retired|am pregnant|am expecting|have|am|was|were|are)\b/iu

/**
 * What is left of a statement about the person after the specific rules: kept as a fact when it is
 * lasting ("I speak French and German", "we have two kids"), not when it is a passing state ("I'm
 * tired") or a one-off event.
 */
export const generalFact: Rule = ({ text, explicit }) => {
  if (explicit) return [capture('fact', text)]
  if (!BIOGRAPHY.test(text)) return null
  const m = /^(?:I|we)\s+(?:am|are|was|were)\s+(.+)$/iu.exec(text)
  if (
    m &&
    (TRANSIENT.test(m[1]!) ||
      /^(?:going|trying|thinking|wondering|looking|about|gonna|planning|hoping|not sure)\b/iu.test(
        m[1]!,
      ))
  )
    return null
  if (
    /^I\s+(?:went|go)\s+(?:to\s+)?(?:the\s+)?(?:store|shop|bed|sleep|gym today|movies|party)\b/iu.test(
      text,
    )
  )
    return null
  if (
    /\b(?:today|tonight|this morning|yesterday|last night|right now|at the moment|just now)\b/iu.test(
      text,
    ) &&
    !/\bevery\b/iu.test(text)
  )
    return null
  if (text.split(/\s+/u).length < 3) return null
  return [capture('fact', text)]
}

/** "My head of department is Mr. Cole", "our warehouse is Snowflake": one value for the thing named. */
/** Amounts and arrangements that hold one value at a time ("rent is €1,450", "dose is 40mg"). */
export const ATTRIBUTES =
  'rent|rate|hourly rate|day rate|salary|pay|wage|wages|dose|dosage|budget|mortgage|commute|address|phone number|number|email|shift|shifts|hours|working hours|day off|days off|opening hours|office|desk|bedtime|curfew|allowance|pocket money|limit|deposit|fee|fees|price|prices'

const ATTRIBUTE = new RegExp(
  `^(?:my\\s+|our\\s+|the\\s+)?(?:(?:new|current|monthly|weekly)\\s+)?(${ATTRIBUTES})\\s+(?:is|are|=|has gone up to|went up to|has gone down to|went down to|changed to|goes up to)\\s+(?:now\\s+)?(?!not\\b)(.+?)(?:\\s+now)?$`,
  'iu',
)

/** "Rent is €1,450 a month", "my dose is now 80mg": one value at a time; a new one replaces it. */
const attribute: Rule = ({ text, correction }) => {
  const m = ATTRIBUTE.exec(text)
  if (!m || STATE_VALUE.test(m[2]!)) return null
  return [
    capture(
      'fact',
      /^(?:my|our)\b/iu.test(text) ? text : `My ${lowerFirst(text.replace(/^the\s+/iu, ''))}`,
      {
        subject: m[1]!.toLowerCase(),
        value: m[2]!,
        correction:
          correction || /\b(?:now|gone up|went up|gone down|went down|changed)\b/iu.test(text),
      },
    ),
  ]
}

/** Fact rules by name; `analyze` decides their order among the other kinds' rules. */
export const FACT = {
  name,
  birthday,
  age,
  origin,
  home,
  work,
  health,
  relation,
  possession,
  attribute,
  schedule,
} satisfies Record<string, Rule>
