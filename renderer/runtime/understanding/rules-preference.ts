import { capture, type Clause, type Rule } from './capture'
import { isPlace, parse } from './nlp'
import { isJob } from './lexicon'
import { findDate } from './dates'
import { TO_ASSISTANT } from './subject-drop'
import { lowerFirst, tidy, upperFirst } from './text'
import { MEASURE, UNIT, unitAsked } from './units-asked'

const ADV =
  '(?:really |truly |absolutely |totally |actually |definitely |generally |usually |much |kind of |kinda |do |also |still |now |just |very much )*'
const choiceKey = (a: string, b: string): string =>
  `choice: ${[a, b]
    .map((s) => tidy(s).toLowerCase())
    .sort()
    .join(' vs ')}`

/** "I prefer pgvector over Pinecone", "we went with Qdrant instead of pgvector". */
const choice: Rule = ({ text, correction }) => {
  const m = new RegExp(
    `^(?:I|we)\\s+${ADV}(?:prefer|like|want|choose|chose|pick|picked|picked|went with|go with|am going with|are going with|decided on|settled on|use|am using|are using|switched to|moved to|would rather (?:use|have)|am leaning towards?|are leaning towards?|lean towards?|am sticking with|are sticking with|do want|write everything in|write all my code in|code in)\\s+(.+?)\\s+(over|to|instead of|rather than|more than|not)\\s+(.+)$`,
    'iu',
  ).exec(text)
  if (!m) return null
  const [a, b] = [tidy(m[1]!), tidy(m[3]!)]
  if (a.split(' ').length > 6 || b.split(' ').length > 6) return null
  // "I moved to Didsbury, much closer to work now", "moved to Leeds to be near mum": the "to" of
  // another clause or a purpose, not a choice of one thing over another.
  if (m[2]!.toLowerCase() === 'to' && (/[,;]\s*\S/u.test(m[1]!) || parse(b).has('^#Infinitive')))
    return null
  const switched = /\b(?:switched|moved|went with|decided|settled|instead)\b/iu.test(text)
  return [
    capture('preference', switched ? `I prefer ${a} over ${b}` : text, {
      subject: choiceKey(a, b),
      value: a,
      replaces: switched ? b : null,
      correction: correction || switched,
    }),
  ]
}

/** "I'm leaning toward U-Haul pods", "firmly team terraform", "decided on EMNLP": a pick on its own. */
const leaning: Rule = ({ text, correction }) => {
  const m =
    /^(?:I|we)\s+(?:am|are)\s+(?:now\s+|still\s+|kind of\s+|kinda\s+|really\s+)?(?:leaning|learning|tilting)\s+(?:towards?|to)\s+(.+)$/iu.exec(
      text,
    ) ??
    /^(?:I|we)\s+(?:am|are)\s+(?:firmly\s+|totally\s+|fully\s+|definitely\s+|100%\s+)?team\s+(.+)$/iu.exec(
      text,
    ) ??
    /^(?:I|we)\s+(?:have\s+|finally\s+|just\s+)*(?:decided on|settled on|went with|picked|chose|opted for|landed on)\s+(.+?)(?:\s+(?:finally|in the end|at last))?$/iu.exec(
      text,
    )
  if (!m) return null
  const pick = tidy(m[1]!)
  if (pick === '' || pick.split(/\s+/u).length > 6 || /^(?:it|that|this|one)$/iu.test(pick))
    return null
  // "we went with Qdrant instead": a new pick that replaces the last one.
  const instead = /\binstead\b/iu.test(text)
  return [
    capture('preference', text, {
      value: pick.replace(/\s+instead$/iu, ''),
      key: `leaning: ${pick.replace(/\s+instead$/iu, '').toLowerCase()}`,
      ...(instead ? { replaces: '*switch*' } : {}),
      correction: correction || instead,
    }),
  ]
}

/** "controller > mouse for soulslikes", "final call on the vector store: Milvus". */
const verdict: Rule = ({ text, correction }) => {
  const gt =
    /^([\p{L}\p{N} .+#-]{1,30}?)\s*(?:>|>>|beats|over)\s*([\p{L}\p{N} .+#-]{1,30}?)(?:\s+for\s+(.+?))?(?:,.*)?$/iu.exec(
      text,
    )
  if (gt && />/u.test(text)) {
    const [a, b] = [tidy(gt[1]!), tidy(gt[2]!)]
    // "rust > go, fight me 😄", "Mingus > everyone": a hot take for the fun of it, not a setting.
    if (
      /\b(?:fight me|lmao|lol|haha+|hot take|unpopular opinion|change my mind|don't @ me|no contest)\b|[\u{1F600}-\u{1F64F}\u{1F923}]/iu.test(
        text,
      ) ||
      /^(?:everyone|everybody|everything|anything|anyone|all|the rest|them all)$/iu.test(b)
    )
      return null
    return [
      capture('preference', `I prefer ${a} over ${b}${gt[3] ? ` for ${tidy(gt[3])}` : ''}`, {
        subject: choiceKey(a, b),
        value: a,
        correction,
      }),
    ]
  }
  const call =
    /^(?:final (?:call|decision|answer|verdict)|decision|verdict|we (?:picked|chose|went with|decided on|settled on)|going with)\s+(?:on|for|re)?\s*(?:the\s+)?(.+?)\s*[:—–-]\s*(.+)$/iu.exec(
      text,
    )
  if (call) {
    const topic = tidy(call[1]!)
    const pick = tidy(call[2]!)
    return [
      capture('preference', `For the ${topic}, I chose ${pick}`, {
        value: pick,
        key: `uses: ${topic.toLowerCase()}`,
        replaces: '*switch*',
        correction: true,
      }),
    ]
  }
  return null
}

/** "I switched to Qdrant", "we moved from Jira to Linear", "now I use Neovim": a new choice replacing an older one. */
const switchedTo: Rule = ({ text, now }) => {
  const m =
    /^(?:I|we)\s+(?:have\s+|just\s+|finally\s+|recently\s+)*(?:switched|changed|migrated|moved|went|converted)\s+(?:over\s+)?(?:from\s+(.+?)\s+)?to\s+(?:using\s+)?(.+?)(?:\s+(?:for|as)\s+(.+))?$/iu.exec(
      text,
    )
  if (!m) return null
  // "switched to nights": a shift worked, not a thing used; "switched to Deloitte, same role",
  // "switched to Deloitte as an analyst": a new employer, read by the work rules.
  if (
    /\bsame\s+(?:role|job|position|title|work)\b/iu.test(text) ||
    (m[3] !== undefined && /\bas\s+an?\s/iu.test(text) && isJob(m[3].replace(/^an?\s+/iu, ''))) ||
    /^(?:the\s+)?(?:days|nights|earlies|lates|(?:day|night|early|late)\s+shifts?)\b/iu.test(m[2]!)
  )
    return null
  // "switched to Qdrant from pgvector": the old one named after the new ("moved to C wing from
  // Monday" says when, not what from).
  const after = /^(.+?)\s+from\s+(.+)$/iu.exec(m[2]!)
  if (after && !m[1] && !findDate(after[2]!, now)) [m[1], m[2]] = [after[2]!, after[1]!]
  // "switched to Monzo last month": when it changed goes beside the choice ("I use Monzo (switched
  // last month)"), not into its name.
  const when =
    /^(.+?)\s+(last\s+\w+|yesterday|in\s+\p{Lu}\p{L}+|(?:a\s+(?:few|couple of)\s+|\d+\s+|a\s+|two\s+|three\s+)?(?:days?|weeks?|months?|years?)\s+ago|recently|this\s+(?:week|month|year))$/iu.exec(
      tidy(m[2]!),
    )
  const to = when ? when[1]! : tidy(m[2]!)
  const since = when ? ` (switched ${when[2]!})` : ''
  if (to.split(' ').length > 5) return null
  // "We moved to Denver" is a new home, read by the home rule.
  if (
    /^(?:moved|went)$/iu.test(
      /\b(switched|changed|migrated|moved|went|converted)\b/iu.exec(text)?.[1] ?? '',
    ) &&
    (isPlace(to) || !m[1])
  )
    return null
  const what = m[3] ? ` for ${tidy(m[3])}` : ''
  return [
    capture('preference', `I use ${to}${what}${m[1] ? ` instead of ${tidy(m[1])}` : ''}${since}`, {
      subject: m[3] ? `uses: ${tidy(m[3]).toLowerCase()}` : null,
      value: to,
      key: m[3] ? `uses: ${tidy(m[3]).toLowerCase()}` : `uses: ${to.toLowerCase()}`,
      replaces: m[1] ?? '*switch*',
      correction: true,
    }),
  ]
}

/** "My favorite color is green", "my favourite band is Muse". */
const favorite: Rule = ({ text, correction }) => {
  const m =
    /^(?:my\s+)?(?:all[- ]time\s+)?(?:favou?rite|fave|fav|preferred)\s+(.+?)\s*(?:\s(?:is|are)\s|:|=|-)\s*(.+)$/iu.exec(
      text,
    )
  if (!m) return null
  const what = tidy(m[1]!).toLowerCase()
  return [capture('preference', text, { subject: `favorite ${what}`, value: m[2]!, correction })]
}

/** "Call me Sam", "I go by Sam", "please address me as Dr. Ruiz". */
const address: Rule = ({ text: said, correction }) => {
  const text = said
    .replace(/^(?:when|whenever|if)\s+you\s+[^,]+,\s*/iu, '')
    .replace(
      /^(?:everyone|everybody|people|friends|most people|my friends)\s+calls?\s+me\s+/iu,
      'call me ',
    )
  const m =
    /^(?:please\s+|you can\s+|you may\s+|just\s+|you should\s+|,\s*)*(?:call me|address me as|refer to me as)\s+(.+?)(?:\s+(?:please|from now on|instead))*$/iu.exec(
      text,
    ) ?? /^I\s+(?:usually\s+|prefer to\s+)?go\s+by\s+(.+)$/iu.exec(text)
  if (!m) return null
  // "call me Jürgen with the ü, this is more correct": the name, not the comment after it.
  const name = tidy(
    /^(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)?)(?!\p{L})/u.exec(m[1]!)?.[1] ??
      m[1]!.split(/,|\s+(?:with|because|since|as|if)\s+/u)[0]!,
  )
  return [
    capture('preference', `I like to be called ${name}`, {
      subject: 'address',
      value: name,
      correction,
    }),
  ]
}

/** "My timezone is CET", "I'm on Pacific time", "I am in the EST time zone". */
/** "eastern time for everything", "use central european time please": a zone by its name, asked for. */
const NAMED_ZONE =
  /^(?:(?:please\s+)?(?:use|go with|stick to|put (?:everything|times) in)\s+)?((?:US\s+|UK\s+)?(?:eastern|central|mountain|pacific|atlantic|alaska|hawaii|british summer|greenwich mean|western european|central european|eastern european|india|indian standard|japan|korea|china|singapore|australian (?:eastern|central|western)|new zealand|gulf|arabian|south african|uk|london|paris|berlin|new york|chicago|denver|los angeles|sydney|melbourne|perth|tokyo|dubai)(?:\s+standard|\s+daylight|\s+summer)?\s+time)(?:\s+(?:for everything|for times|please|going forward|from now on|for all times|zone))*$/iu

const timezone: Rule = ({ text, correction }) => {
  const m =
    /^my\s+(?:time\s?zone|tz)\s+(?:is|=|:)\s*(.+)$/iu.exec(text) ??
    /^I\s+am\s+(?:on|in)\s+(?:the\s+)?(.+?)\s+(?:time\s?zone|time)$/iu.exec(text) ??
    /^(?:time\s?zone|tz)\s*(?:is|=|:)\s*(.+)$/iu.exec(text) ??
    /^I\s+am\s+(?:on|in|using)\s+((?:UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::\d\d)?)?|[A-Z]{2,4}T|IST|[A-Z][a-z]+\/[A-Z][A-Za-z_]+)(?:\s+(?:now|these days|for now|mostly))?$/u.exec(
      text,
    ) ??
    NAMED_ZONE.exec(text)
  if (!m) return null
  const zone = tidy(m[1]!)
  return [
    capture('preference', `My timezone is ${zone}`, {
      subject: 'timezone',
      value: zone,
      correction,
    }),
  ]
}

const STYLE_WORDS =
  /\b(?:simple|plain english|times|time zone|utc|gmt|zulu|aest|aedt|sgt|est|edt|pst|pdt|cet|cest|bst|ist|jst|names|terms|words|cite|statutes|references|recommendations|suggestions|suggest|commands|answers?|replies|reply|responses?|respond|explanations?|explain|bullet(?:\s?points)?|emojis?|jargon|markdown|tables?|code|examples?|summar(?:y|ies|ize)|tl;?dr|units|metric|imperial|celsius|fahrenheit|formal|casual|tone|language|english|spanish|french|german|short|brief|concise|detailed|verbose|wordy|long|direct|blunt|honest|sugarcoat|apologi[sz]e|headers?|headings?|links?|sources?|citations?|steps?|step-by-step|format|formatting|spelling|british|american|24-hour|12-hour|dates?|first name|typescript|python)\b/iu

/** "don't give me pip commands" → "I don't want you to give me pip commands"; "use UTC" → "I want you to use UTC". */
function wantYouTo(core: string): string {
  // "avoid bullet points": what to avoid is a thing, not something to do.
  const avoid = /^avoid\s+(?!\w+ing\b)(.+)$/iu.exec(core)
  if (avoid) return `I want you to avoid ${lowerFirst(avoid[1]!)}`
  const neg = /^(?:do not|don't|never|stop|quit|avoid|not)\s+(?:ever\s+)?(.+)$/iu.exec(core)
  if (neg)
    return `I don't want you to ${/^(?:stop|quit|avoid)$/iu.test(core.split(' ')[0]!) ? lowerFirst(core.replace(/^(?:stop|quit|avoid)\s+/iu, '')).replace(/^(\w+)ing\b/u, '$1') : lowerFirst(neg[1]!)}`
  return `I want you to ${lowerFirst(core)}`
}

/** Which side of answering a style request is about, so "detailed" replaces "short" but not "no emoji". */
export function aspectOf(text: string): string {
  if (
    /\b(?:short|brief|concise|detailed|long|longer|shorter|verbose|wordy|length|tl;?dr|summar)/iu.test(
      text,
    )
  )
    return 'length'
  if (/\b(?:bullet|tables?|markdown|headers?|headings?|format)/iu.test(text)) return 'format'
  if (/\bemojis?\b/iu.test(text)) return 'emoji'
  if (/\b(?:code|typescript|python|javascript|rust|go|java)\b/iu.test(text)) return 'code'
  if (/\b(?:units|metric|imperial|celsius|fahrenheit|24-hour|12-hour)\b/iu.test(text))
    return 'units'
  if (/\b(?:english|spanish|french|german|language|spelling|british|american)\b/iu.test(text))
    return 'language'
  if (/\b(?:formal|casual|tone|direct|blunt|honest|sugarcoat|apologi)/iu.test(text)) return 'tone'
  if (/\b(?:cite|citations?|sources?|links?|statutes?|references?)\b/iu.test(text)) return 'sources'
  return 'general'
}

/**
 * How the person wants to be answered: "keep answers short", "no bullet points please", "could you
 * stop using emoji", "I like it when you explain your reasoning".
 */
const answerStyle: Rule = ({ text, correction }) => {
  const polite =
    /^(?:(?:when|whenever|if)\s+you\s+[^,]+,\s*)?(?:just\s+)?(?:please\s+|kindly\s+|pls\s+|(?:can|could|would|will)\s+you\s+(?:please\s+)?)?(?:just\s+)?/iu
  const core = text
    .replace(polite, '')
    .replace(/,?\s+please\b/giu, '')
    .trim()
  const key = `answer style: ${aspectOf(core)}`
  // "don't give me investment advice", "never recommend me horror films", "can you be a bit
  // encouraging": said to the assistant about how to treat the person, whatever the topic.
  if (
    /^(?:do not|don't|never|stop|quit)\s+(?:ever\s+)?(?:give|tell|send|show|recommend|suggest|ask|remind|call|put|use|mention|bring up|offer|lecture|nag|sugarcoat|correct|book|schedule|plan|pick|include|email|text|message|ping|disturb|bother|wake)\b/iu.test(
      core,
    ) ||
    /^(?:stop|quit)\s+(?:giving|telling|sending|showing|recommending|suggesting|asking|reminding|calling|using|mentioning|bringing up|offering|lecturing|nagging|correcting|apologi[sz]ing)\b/iu.test(
      core,
    ) ||
    (/^(?:can|could|would|will)\s+you\b/iu.test(text) &&
      /^be\s+(?:a\s+(?:bit|little)\s+|more\s+|less\s+|extra\s+)?(?:encouraging|gentle|patient|honest|blunt|direct|brief|positive|kind|supportive|strict|tough|nicer|kinder|formal|casual|serious|funny)\b/iu.test(
        core,
      ))
  )
    return [capture('preference', wantYouTo(core), { key, correction })]
  // "pls no motivational quotes ever", "no spoilers please": something not to give them.
  if (
    /^no\s+(?!worries|idea|problem|way|clue|rush|thanks|doubt|offen[cs]e|pressure|need|matter)[\p{L}-]+/iu.test(
      core,
    ) &&
    /\b(?:please|pls|plz|ever|again|anymore|at all)\b/iu.test(text)
  )
    return [
      capture(
        'preference',
        `I want ${lowerFirst(core.replace(/\s+(?:please|pls|plz|lol)$/iu, ''))}`,
        { key, correction },
      ),
    ]
  if (
    /\b(?:please|kindly)\b/iu.test(text) &&
    TO_ASSISTANT.test(core) &&
    !/^(?:remind me|remember|note|forget|save|store|tell me|show me|give me (?:a|an|the|some)\b|help|search|find|look up|check|open|read|play)\b/iu.test(
      core,
    )
  )
    return [capture('preference', wantYouTo(core), { key, correction })]
  if (
    TO_ASSISTANT.test(core) &&
    /\b(?:from now on|from here on|going forward|in future|every time|always)\b/iu.test(text)
  )
    return [
      capture(
        'preference',
        wantYouTo(core.replace(/\s+(?:from now on|from here on|going forward|in future)$/iu, '')),
        { key, correction },
      ),
    ]
  // "could you not use so many exclamation marks": a request, whatever it is about.
  if (/^(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:just\s+)?not\s+\w/iu.test(text))
    return [capture('preference', wantYouTo(core), { key, correction })]
  if (!STYLE_WORDS.test(core)) return null
  if (
    /(?:,|\bbut)\s+(?:please\s+)?(?:keep|use|make|avoid|don't|do not|no)\b/iu.test(core) &&
    !/^(?:I|we|my)\b/u.test(core)
  )
    return [capture('preference', core, { key, correction })]
  if (/\bplease\b/iu.test(text) && !parse(core).has('#Verb'))
    return [capture('preference', `I want ${lowerFirst(core)}`, { key, correction })]
  if (/^(?:no|less|fewer|without)\s+/iu.test(core))
    return [capture('preference', `I want ${lowerFirst(core)}`, { key, correction })]
  if (
    /^(?:do not|don't|never|stop|avoid|quit|skip|not)\s+/iu.test(core) ||
    /^(?:go easy on|ease up on|tone down|cut down on|cut back on|less of the|lay off the|hold off on|keep (?:it|things|them))\b/iu.test(
      core,
    ) ||
    /^(?:always|keep|make|use|be|answer|reply|respond|write|give|explain|talk|speak|show|include|add|put|format|stick to|limit|start|end|show)\b/iu.test(
      core,
    )
  ) {
    if (
      /^(?:explain|show|give|write)\s+(?:me\s+)?(?:how|what|why|a|an|the|this|that|it)\b/iu.test(
        core,
      ) &&
      !/\b(?:always|every|answers?|replies|responses?)\b/iu.test(core)
    )
      return null
    return [capture('preference', wantYouTo(core), { key, correction })]
  }
  if (
    /^I\s+(?:like|love|prefer|want|need|appreciate|hate|dislike|do not like|cannot stand)\b/iu.test(
      text,
    )
  )
    return [capture('preference', text, { key, correction })]
  if (
    /^(?:short|brief|concise|detailed|shorter|longer)\s+(?:answers|replies|responses)/iu.test(core)
  )
    return [capture('preference', `I want ${lowerFirst(core)}`, { key, correction })]
  return null
}

/** "I love hiking", "I hate cilantro", "I'm not a fan of jazz", "I'd rather work mornings". */
const likes: Rule = ({ text, correction }) => {
  const m = new RegExp(
    `^I\\s+${ADV}(love|like|enjoy|adore|prefer|fancy|dig|hate|dislike|detest|loathe|despise|do not like|do not really like|do not enjoy|do not care for|cannot stand|can not stand|am into|am really into|am not into|am a (?:big |huge )?fan of|am not (?:a|much of a) (?:big )?fan of|would rather|am obsessed with|am allergic to the idea of)\\s+(.+)$`,
    'iu',
  ).exec(text)
  if (!m) return null
  const what = tidy(m[2]!)
  if (what === '' || /^(?:it|that|this|them|you|to know|to think)$/iu.test(what)) return null
  const negative = /hate|dislike|detest|loathe|despise|not|cannot|can not/iu.test(m[1]!)
  // "I love it when you explain…" is about answers; "I can't stand it when people say 'circle
  // back'" is a dislike; "I love it when it rains" says little.
  if (/^(?:it|that) when\b/iu.test(what) && !STYLE_WORDS.test(what) && !negative) return null
  return [
    capture('preference', text, {
      key: `${negative ? 'dislikes' : 'likes'}: ${what.toLowerCase()}`,
      value: what,
      correction,
    }),
  ]
}

/**
 * Likes said other ways: "pet peeve: reply-all", "I'm more of a tea person", "mornings work best for
 * me", "I find golf boring", "window seat always", "my go-to is a flat white".
 */
const leanings: Rule = ({ text, correction }) => {
  const peeve = /^(?:my\s+)?(?:biggest\s+)?pet peeves?\s*(?:is|are|:|-)\s*(.+)$/iu.exec(text)
  if (peeve)
    return [
      capture('preference', `I can't stand ${peeve[1]!}`, {
        key: `dislikes: ${tidy(peeve[1]!).toLowerCase()}`,
        correction,
      }),
    ]
  const goTo = /^(?:my\s+)?(?:usual\s+)?go-to\s+(.+?)\s*(?:is|are|:|-)\s*(.+)$/iu.exec(text)
  if (goTo)
    return [
      capture('preference', text, {
        subject: `favorite ${tidy(goTo[1]!).toLowerCase()}`,
        value: goTo[2]!,
        correction,
      }),
    ]
  if (
    /^I\s+am\s+(?:more of\s+|very much\s+|totally\s+|definitely\s+|not\s+|much more of\s+|more\s+)?an?\s+(?:[\p{L}&-]+\s+){1,3}?(?:person|guy|girl|kind of person|type|fan)\b|^I\s+am\s+an?\s+(?:night owl|early bird|early riser|morning person|night person)\b/iu.test(
      text,
    ) ||
    /\b(?:works?|is|are)\s+(?:best|better)\s+for\s+me\b|\bsuits? me\b/iu.test(text) ||
    /^(?:\p{L}+\s+){0,2}(?:mornings?|evenings?|afternoons?|weekends?|weekdays?|nights?)\s+(?:are|is|work)\s+(?:best|better)\s+for\b/iu.test(
      text,
    ) ||
    /^I\s+find\s+.+\s+(?:boring|annoying|tedious|relaxing|fun|overrated|underrated|exhausting|stressful|calming|soothing|pointless|amazing|great|awful)$/iu.test(
      text,
    ) ||
    /^I\s+(?:cannot|can not)\s+get\s+enough\s+of\b/iu.test(text) ||
    /^I\s+am\s+(?:not\s+)?(?:really\s+|very\s+|super\s+)?(?:keen on|fond of|obsessed with|addicted to|into)\b/iu.test(
      text,
    )
  )
    return [capture('preference', text, { correction })]
  const always =
    /^((?:an?\s+|the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,3})\s+(?:always|every time|only|please|for me|if possible|where possible|any day|every day of the week)$/iu.exec(
      text,
    )
  // "tea over coffee any day", "jazz is my thing", "spicy food is my weakness".
  const over =
    /^([\p{L} -]{1,30}?)\s+over\s+([\p{L} -]{1,30}?),?\s+(?:any day|every time|for me|always|all day|hands down|every day)$/iu.exec(
      text,
    ) ??
    /^([\p{Lu}][\p{L}\p{N} .+#-]{0,30}?),\s+not\s+([\p{Lu}][\p{L}\p{N} .+#-]{0,30}?)(?:,\s+(?:if|when|for|whenever)\b.*)?$/u.exec(
      text,
    )
  if (
    over &&
    over[1]!.split(/\s+/u).length <= 3 &&
    (/^\p{Lu}\S*$/u.test(over[1]!.trim()) || !parse(over[1]!).has('#Verb'))
  ) {
    const [a, b] = [tidy(over[1]!), tidy(over[2]!)]
    return [
      capture('preference', `I prefer ${a} over ${b}`, {
        subject: choiceKey(a, b),
        value: a,
        correction,
      }),
    ]
  }
  if (
    /\b(?:is|are)\s+my\s+(?:thing|jam|weakness|go-to|vibe|happy place|guilty pleasure|kind of thing|cup of tea)\b/iu.test(
      text,
    )
  )
    return [capture('preference', text, { correction })]
  if (
    /^I\s+am\s+(?:a\s+)?(?:(?:total|huge|big|real)\s+)?(?:sucker for|big on|all about|really into|obsessed with|a sucker for)\b/iu.test(
      text,
    )
  )
    return [capture('preference', text, { correction })]
  if (
    /^(?:as a rule\s*,?\s*)?I\s+(?:always\s+|usually\s+|generally\s+)?(?:avoid|steer clear of|stay away from|never (?:fly|order|buy|use|eat|drink|book|take))\b/iu.test(
      text.replace(/^as a rule,?\s*/iu, ''),
    )
  )
    return [capture('preference', text, { correction })]
  if (always && !parse(text).has('#Verb'))
    return [
      capture(
        'preference',
        `I want ${always[1]!} ${/please$/iu.test(text) ? '' : 'always'}`.trim(),
        // "no bullet points please", "plain text only": how to answer them, found as such.
        STYLE_WORDS.test(always[1]!)
          ? { key: `answer style: ${aspectOf(always[1]!)}`, correction }
          : { correction },
      ),
    ]
  // "Celsius only", "hand-cut dovetails only, don't suggest jigs".
  const only = /(?:^|,\s*)((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)\s+only(?:,|$)/iu.exec(text)
  if (only && !parse(only[1]!).has('#Verb')) return [capture('preference', text, { correction })]
  if (
    /^I\s+find\s+(?:it\s+)?(?:\w+\s+)?(?:tiresome|irritating|frustrating|annoying|helpful|useful|patronising|patronizing|condescending|distracting|confusing|easier|harder)\b/iu.test(
      text,
    )
  )
    return [capture('preference', text, { correction })]
  return null
}

/** Which measure a unit is for, so Celsius replaces Fahrenheit but not kilometres. */
function dimension(unit: string): string {
  const u = unit.toLowerCase()
  if (/^(?:celsius|centigrade|fahrenheit)$/u.test(u)) return 'temperature'
  if (/^(?:miles|kilomet(?:re|er)s|kms?)$/u.test(u)) return 'distance'
  if (/^(?:kilos|kgs?|pounds|lbs|stone|grams|ounces|oz)$/u.test(u)) return 'weight'
  if (/^(?:knots|mph|km\/h|kph|kmh)$/u.test(u)) return 'speed'
  if (/^(?:mmol(?:\/l)?|mg\/dl)$/u.test(u)) return 'blood sugar'
  if (/^(?:litres|liters|gallons|pints|ml)$/u.test(u)) return 'volume'
  if (/^(?:metres|meters|feet|foot|inches|cm)$/u.test(u)) return 'length'
  if (/^(?:24h|24-hour|24 hour|12h|12-hour|12 hour|am\/pm)$/u.test(u)) return 'time'
  if (/^(?:metric|imperial)$/u.test(u)) return 'system'
  return 'currency'
}

/**
 * Units to answer in: "24h time", "temperatures in Fahrenheit", "use euros please", "metric for
 * recipes". One preference per measure, so a new unit replaces the old one.
 */
const units: Rule = ({ text, correction }) => {
  const bare = text.replace(/^(?:please\s+|pls\s+)/iu, '').replace(/,?\s+(?:please|pls)$/iu, '')
  const m =
    new RegExp(
      `^(?:(?:use|give me|show|in|do|stick to|switch to)\\s+)?(?:the\\s+)?(${UNIT})(?:\\s+(?:time|clock|units|format|only|for everything|for (?:${MEASURE})))?(?:\\s+(?:from now on|going forward|now|instead|please|only))*$`,
      'iu',
    ).exec(bare) ??
    new RegExp(
      `^(?:${MEASURE})\\s+(?:in|as)\\s+(${UNIT})(?:\\s+(?:please|only|from now on))?$`,
      'iu',
    ).exec(bare)
  if (!m) {
    // "weights in kilos not pounds", "can you give me temps in celsius pls, I'm Canadian".
    const asked = unitAsked(text)
    return asked
      ? [
          capture('preference', `I want you to use ${asked.said}`, {
            key: `units: ${dimension(asked.unit)}`,
            value: asked.unit,
            correction,
          }),
        ]
      : null
  }
  const said = /^(?:use|give|show|stick|switch|do)\b/iu.test(bare) ? bare : `use ${bare}`
  return [
    capture('preference', `I want you to ${lowerFirst(said)}`, {
      key: `units: ${dimension(m[1]!)}`,
      value: m[1]!,
      correction,
    }),
  ]
}

/** "when I ask about mum, give me everything" → the condition, said to the assistant. */
const CONDITION =
  /^((?:when(?:ever)?|if|any ?time)\s+(?:I|you|it|it's|it is|there's|there is|we)\b[^,]{2,60}?)(?:,\s*|\s+(?=(?:please\s+|pls\s+|just\s+)?(?:use|give|keep|explain|write|answer|reply|respond|make|show|include|stick|avoid|skip|don't|do not|never|always|go easy|be)\b))(.+)$/iu

/** Splits "when I ask code stuff, give me Swift examples" into its condition and its request. */
export function conditionOf(text: string): { condition: string; request: string } | null {
  // "if I won the lottery I'd buy a boat and never answer an email again" is a daydream.
  if (
    /\b(?:would|could|might)\b|^if\s+(?:I|we)\s+(?:won|were|was|had|lived|moved|got|could)\b/iu.test(
      text,
    )
  )
    return null
  const m = CONDITION.exec(text)
  // "if I ever get a dog it's going to be a corgi": a plan said, not a request.
  if (
    m &&
    !/\b(?:to|will|is|are|it is|going to|gonna|ever)\b/iu.test(
      m[1]!.split(/\s+/u).slice(-2).join(' '),
    ) &&
    !/^if\s+(?:I|we)\s+ever\b/iu.test(m[1]!)
  )
    return { condition: m[1]!, request: m[2]! }
  // "bullet points please when you list stuff": the request first, then when it holds.
  const after =
    /^(.{2,50}?\s+(?:please|pls))\s+((?:when(?:ever)?|if)\s+(?:you|I)\b[^,]{2,60}?)(?:,.*)?$/iu.exec(
      text,
    )
  return after ? { condition: after[2]!, request: after[1]! } : null
}

/**
 * A request that holds in one situation: "when I ask about mum, give me everything, don't
 * summarise", "when it's something medical, explain like I'm new to this". Kept with its condition.
 */
const conditional: Rule = (clause) => {
  const split = conditionOf(clause.text)
  if (!split) return null
  const request = split.request.replace(/^(?:please|pls|just)\s+/iu, '')
  const found =
    answerStyle({ ...clause, text: split.request }) ??
    units({ ...clause, text: split.request }) ??
    // "give me everything", "keep it to the facts": said to the assistant, whatever the words.
    (TO_ASSISTANT.test(request) &&
    !/^(?:remind me|remember|note|forget|save|store)\b/iu.test(request)
      ? [
          capture('preference', wantYouTo(request), {
            key: `answer style: ${aspectOf(request)}`,
            correction: clause.correction,
          }),
        ]
      : null)
  if (!found) return null
  return found.map((c) => ({
    ...c,
    text: `${upperFirst(split.condition)}, ${lowerFirst(c.text)}`,
    key: c.key ? `${c.key} (${split.condition.toLowerCase()})` : c.key,
  }))
}

/** Preference rules by name; the analyzer orders them among the other kinds. */
export const PREFERENCE = {
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
} satisfies Record<string, Rule>

/** Whether a clause is a polite request about how to answer ("could you keep it short?"). */
export const isStyleRequest = (clause: Clause): boolean => answerStyle(clause) !== null
