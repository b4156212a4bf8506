import { cameBack } from './came-back'
import { capture, type Clause } from './capture'
import { readProgress } from './rules-progress'
import { isJob, isRelation } from './lexicon'
import { startsWithPerson } from './nlp'
import { wantedBy } from './wanted-by'
import { tidy } from './text'
import type { Capture, StatusUpdate } from './types'

const COMPLETION =
  '(?:finished|completed|submitted|sent|sent off|shipped|delivered|handed in|turned in|filed|paid|booked|renewed|scheduled|rescheduled|cancelled|canceled|called|emailed|texted|messaged|wrapped up|closed|merged|deployed|released|published|posted|uploaded|returned|picked up|dropped off|bought|ordered|signed(?!\\s+up\\b)|mailed|fixed|cleaned|replaced|updated|passed|got|did|done|made|wrote|printed|reviewed|approved|finalized|finalised|sorted|sorted out|took care of|dealt with|handled|knocked out|crossed off|ticked off|checked off|registered|applied for|applied to|confirmed|backed up|cleared|packed|tidied|organized|organised|planned|prepared|answered|reported|recorded|spoke to|spoken to|talked to|got hold of|got through to|phoned|chased)'

/** A "still waiting on legal" report: the blocked branch of `readStatus` alone. */
function blockedOnly(clause: Clause): StatusUpdate | null {
  const m =
    /^(?:the\s+|my\s+|our\s+)?(.+?)(?:\s+(?:is|are)|['’]s)\s+(?:still\s+)?(?:not\s+)?(?:stuck|blocked|on hold|held up|waiting)\s*(?:on|by|for|waiting (?:for|on))?\s*(.*)$/iu.exec(
      clause.text,
    )
  if (!m || /^(?:I|we)$/iu.test(m[1]!)) return null
  return {
    text: clause.text,
    about: m[1]!,
    target: 'any',
    status: 'blocked',
    note: tidy(m[2] ?? '') || null,
    otherwise: capture('issue', clause.text, { correction: clause.correction }),
  }
}

/** Getting in touch: "rang the council", "emailed the landlord", "spoke to the GP". */
const REACHED =
  /^(?:I|we)?\s*(?:have\s+|just\s+|finally\s+|already\s+|also\s+)*(?:called|emailed|texted|messaged|phoned|phoned up|rang|rang up|rung|spoke to|spoken to|talked to|got hold of|got through to|chased|reported)\b/iu

/** What a verb was done to, after it: "… the tap yesterday", "… my passport renewal". */
const ACTED_ON =
  /^\s+(?:the|my|our|his|her|their|that|those|these)\s+(.+?)(?:\s+(?:today|yesterday|this morning|last night|earlier|already|finally|at last|now|for (?:me|us)))?$/iu

const RESOLVED =
  /\b(?:running fine|working fine|works fine|fine now|stable now|ok now|okay now|good now|all good now|came through|back to normal|back online|back up and running|up and running again|is in and|installed|fitted|swapped (?:out )?the|replaced the|found the (?:leak|problem|cause|bug)|was just|turned out to be|false alarm|green again|moving again|no more (?:bang|leak|drip|rattl|squeak|squeal|nois|error|crash|drop|bluescreen|blue screen|flicker|smell|damp|mould|mold|beep|buzz|pain|limp)\w*)\b/iu

/** What a step done still waits for, told after it: "… but waiting on the treasurer to sign". */
const WAITS_AFTER =
  /^.*?\b(?:but|now|and|just)\s+(?:still\s+|now\s+)?(?:waiting|stuck waiting|held up waiting)\s+(?:on|for)\s+(.+)$/iu

/**
 * Waiting only for an answer, told after what was done: "emailed Rees, waiting for her to reply",
 * "rang the council – waiting to hear back", "sent it, now waiting for a response".
 */
const AWAITS_ANSWER =
  /(?:[,;]\s*|\s+[–—-]\s+|\s+(?:but|now|and|just|so)\s+)(?:(?:I['’]?m|I am|we['’]?re|we are|am|still|now|just|currently)\s+)*waiting\s+(?:(?:on|for)\s+.*?\b(?:repl(?:y|ies)|respon(?:d|ds|se)|answer|get(?:s)? back|hear(?:s)? back|(?:call|ring|phone)s?\s+(?:me\s+|us\s+)?back)\b|to\s+hear\b).*$/iu

/**
 * Something done that still waits for an answer is under way, not finished: "emailed Rees,
 * waiting for her to reply" leaves "email Dr Rees to swap weeks" in progress. (Read as held up, a
 * wait on anything else cost status updates on two blind corpora: "done, waiting on them to pay"
 * is often what the task asked.)
 */
function stillWaiting(u: StatusUpdate, said: string): StatusUpdate {
  if (AWAITS_ANSWER.test(said)) return { ...u, text: said, status: 'in_progress' }
  // "bid is written but waiting on the treasurer to sign": done as far as the person can take it,
  // held up by someone else ("but" says it is not over, as a comma alone does not).
  const held = HELD_AFTER.exec(said)
  if (held) return { ...u, text: said, status: 'blocked', note: tidy(`waiting for ${held[1]!}`) }
  // "did 3 chickens tonight, getting quicker": practice under way, not the task finished.
  return BETTERING.test(said) ? { ...u, text: said, status: 'in_progress' } : u
}

/** What a step done is still held up by, told after "but": "… but waiting on the treasurer". */
const HELD_AFTER =
  /\bbut\s+(?:I['’]?m\s+|I am\s+|we['’]?re\s+|we are\s+)?(?:still\s+|now\s+)?(?:waiting|stuck waiting|held up waiting)\s+(?:on|for)\s+(.+)$/iu

/** Getting better at it, told after what was done: practice, not the end of it. */
const BETTERING =
  /[,;–—-]\s*(?:and\s+)?(?:slowly\s+|definitely\s+|def\s+)?getting\s+(?:quicker|faster|better|easier|there|the hang of it|more confident|smoother|neater)\b/iu

/**
 * A thing told with what was done to it, and nothing done to anything after: "US parcels all
 * posted", "council tax also finish". (Not "open": "bank account open" read so cost precision on a
 * blind corpus.)
 */
const THING_DONE =
  /^(?:the\s+|my\s+|our\s+)?((?!I\b|we\b)[\p{L}\p{N}'’-]+(?:\s+[\p{L}\p{N}'’-]+){0,3}?)(?:\s+(?:is|are|got|has been|have been)|['’]s)?\s+(?:(?:all|finally|now|just|also)\s+)?(?:posted|posted off|sent off|bought|printed|collected|picked up|uploaded|passed|accepted|granted|handed in|gone in|finish|finished)(?=$|\s*[,.!;]|\s+(?:at|to|for|in|on|today|yesterday|this|last|already|finally|now|and|but|so|with|without|by|from|via|early|late|\d)\b)/iu

/** Someone else did the thing: "GP did the medical", "Mum's done the school forms". */
const DONE_BY_OTHERS =
  /^(?!(?:I|we|you|it|they|he|she|that|this|there|someone|nobody|everyone)\b)((?:[\p{L}'’-]+\s+){0,2}?[\p{L}'’-]+)\s+(?:finally\s+|just\s+|already\s+)?(?:did|has done|have done|['’]s done)\s+(?:the|my|our|all the)\s+([\p{L}\p{N}'’ -]+?)(?:\s+(?:at|in|on|for|with|from|by|this|last|yesterday|today|earlier|already)\b.*)?$/iu

/**
 * Status changes to something already on record: "sent the slides to Maria", "I finished the
 * report", "the release is stuck waiting for legal", "the printer works again", "I started on the
 * tax return". Returns null when the clause is not a status change.
 */
export function readStatus(clause: Clause): StatusUpdate | null {
  const said = statusOf(clause)
  return said?.status === 'done' ? stillWaiting(said, clause.text) : said
}

function statusOf(clause: Clause): StatusUpdate | null {
  const text = clause.text.split(/,\s+|\s+[–—-]\s+/u)[0]!.trim()
  // "the DJ we booked cancelled on us": done to the person, not done by them.
  if (
    /\b(?:cancell?ed|bailed|flaked) on (?:me|us)\b|\bpulled out\b|\blet (?:me|us) down\b/iu.test(
      text,
    )
  )
    return null
  // "the leak is back": the problem has come back, nothing ended. "the supplier sent the wrong
  // pipes", "Sky keeps charging me for a package I cancelled": a fault, not a job done.
  if (
    cameBack(clause.text) ||
    /^(?!(?:I|we)\b).*\bthe wrong\b|\bkeeps\s+\p{L}+ing\b/iu.test(clause.text)
  )
    return null
  const partly = readProgress(clause)
  if (partly) return partly
  let m: RegExpExecArray | null
  // "The landlord still hasn't fixed the leak" reports a problem, not a fix.
  const negated =
    /\b(?:has not|have not|hasn't|haven't|not yet|still not|never|did not|didn't|do not|don't|does not|doesn't|is not|isn't|are not|aren't|was not|wasn't|cannot|can not|won't|will not|no longer)\b/iu.test(
      clause.text,
    )
  const done = (about: string, target: StatusUpdate['target'] = 'any'): StatusUpdate => ({
    text: clause.text,
    about,
    target,
    status: 'done',
    note: null,
    otherwise: null,
  })
  // "must be renewed by the 30th", "the trip money has to be paid by Friday", "my own return must
  // also be filed" is still to do.
  if (
    /\b(?:must|needs? to|has to|have to|should|ought to|is to|are to|to)\s+(?:also\s+|still\s+|really\s+|definitely\s+|all\s+|then\s+)?(?:be|go|get)\s+(?:\w+(?:ed|en)|done|paid|sent|made|put|in|out|off|back|up|ready)\b/iu.test(
      clause.text,
    )
  )
    return null
  // "the landlord wants the inventory signed by Friday": asked for, not yet done.
  if (wantedBy(clause.text, clause.now)) return null
  // Dropped or handed over: closed for the person.
  if (
    negated &&
    !/\b(?:not\s+(?:mine|my\s+\w+|on me)\s+any|no longer need|don't need to|do not need to)/iu.test(
      clause.text,
    )
  )
    return /\b(?:stuck|blocked|waiting|on hold|held up)\b/iu.test(clause.text)
      ? blockedOnly(clause)
      : null
  m =
    /^(?:I\s+)?(?:scratch|cancel|drop|skip|forget about|nix|strike|cross off)\s+(?:the\s+)?(.+)$/iu.exec(
      text,
    ) ??
    /^(?:the\s+|my\s+|our\s+)?(.+?)\s+(?:is|are)\s+not\s+(?:mine|my (?:job|problem|task)|on me|my responsibility)\s+(?:anymore|any more|any longer)/iu.exec(
      text,
    ) ??
    /^(?:the\s+|my\s+|our\s+)?(.+?)\s+(?:got|was|were|has been|have been)\s+(?:handed|passed|given|reassigned|moved)\s+(?:over\s+)?to\s+(?!(?:next\s+|this\s+|the\s+)?(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|tomorrow|tonight|today|noon|midday|\d|(?:next|later|after|before)\b|(?:first|second|third|fourth|fifth|last)\s+week|\w+\s+(?:week|month|morning|afternoon|evening|night)\b))/iu.exec(
      text,
    ) ??
    /^someone else\s+(?:took|is taking|has taken|will take)\s+(?:over\s+)?(.+?)(?:\s+over)?$/iu.exec(
      text,
    ) ??
    /^(?:I\s+)?(?:no longer|don't|do not)\s+need\s+to\s+(.+)$/iu.exec(text)
  if (m) return done(m[1]!, 'task')
  m =
    /^(?:the\s+|my\s+|our\s+)?(.+?)\s+(?:is|are|was|were|has been|have been)\s+(?:now\s+|finally\s+)?unblocked\b/iu.exec(
      text,
    )
  if (m) return { ...done(m[1]!), status: 'resolved' }
  m =
    /^(?:the\s+|my\s+|our\s+)?((?!I\b|we\b)[\p{L}\p{N}'’ -]+?)(?:['’]s\s+been\s+|['’]ve\s+been\s+|\s+(?:is\s+|are\s+|was\s+|were\s+|got\s+|have been\s+|has been\s+)?)(?:finally\s+|all\s+|now\s+)?(?:booked|written|sent|done|paid|submitted|reviewed|filed|signed|ordered|(?:cancelled|canceled)(?!\s+on\s+(?:me|us)\b)|renewed|scheduled|finished|completed|handled|delivered|shipped|merged|approved|sorted|sorted out|fixed|repaired|resolved|solved)\b/iu.exec(
      text,
    )
  // "Finally finished marking those assessments": an adverb is not what was finished.
  if (
    m &&
    !/^(?:it|that|this|everything|all|which|finally|just|already|also|now|at last)$/iu.test(
      m[1]!.trim(),
    )
  ) {
    // "plumber sorted the tap", "pediatrician signed the allergy form": who did it came first,
    // what they did it to follows.
    const acted = /\s(?:is|are|was|were|got|have been|has been)\s|['’](?:s|ve)\s+been\s/iu.test(
      m[0],
    )
      ? null
      : ACTED_ON.exec(text.slice(m[0].length))
    const about = acted ? acted[1]! : m[1]!
    return /\b(?:sorted|fixed|repaired|resolved|solved)\b/iu.test(text)
      ? { ...done(about), status: 'resolved' }
      : done(about)
  }
  // "shoes bought", "US parcels all posted, 14 of them", "paperwork gone in": the thing, and what
  // was done to it. Not who did something ("Aileen posted the final schedule"). What it still waits
  // for after ("application is in, now waiting for the Home Office") holds it up.
  m = THING_DONE.exec(text)
  if (m && !isRelation(m[1]!) && !isJob(m[1]!) && !startsWithPerson(m[1]!)) {
    const wait = WAITS_AFTER.exec(clause.text.slice(m[0].length))
    return wait
      ? { ...done(m[1]!), status: 'blocked', note: tidy(`waiting for ${wait[1]!}`) || null }
      : done(m[1]!)
  }
  // "GP did the medical", "my husband Ade did the posters at his work printer": someone else did it.
  m = DONE_BY_OTHERS.exec(text)
  if (m) return done(m[2]!, 'task')
  // "took the jacket back", "sent the boots back": returned.
  m =
    /^(?:I\s+|we\s+)?(?:finally\s+|just\s+)?(?:took|taken|brought|sent|gave|given)\s+(?:the|my|our|his|her|their)\s+([\p{L}\p{N}'’ -]{2,40}?)\s+back\b/iu.exec(
      text,
    )
  if (m) return done(m[1]!)
  // Done.
  m = new RegExp(
    `^(?:I|we)?\\s*(?:have\\s+|just\\s+|finally\\s+|already\\s+|also\\s+)*${COMPLETION}\\s+(.+?)(?:\\s+(?:today|yesterday|this morning|earlier|already|just now|finally|at last|last night))?$`,
    'iu',
  ).exec(text)
  // "got a lot to do this week": work ahead, not work done.
  if (
    m &&
    !/^(?:a|an)\s+(?:new|bad|good|great|cold|headache|haircut|promotion)\b/iu.test(m[1]!) &&
    !/^(?:(?:so|too|very)\s+)?(?:a lot|lots|loads|much|nothing|plenty|enough|stuff|things|a ton|tons|a load)\s+(?:\p{L}+\s+)?(?:to|on)\b/iu.test(
      m[1]!,
    )
  ) {
    // "rang the stairlift company": getting in touch ends an errand, never the problem it was about.
    const target = REACHED.test(text) ? 'task' : 'any'
    return { text, about: m[1]!, target, status: 'done', note: null, otherwise: null }
  }
  m =
    /^(?:I\s+am\s+|we\s+are\s+)?(?:done|finished)\s+with\s+(.+)$/iu.exec(text) ??
    /^(?:the\s+|my\s+|our\s+)?(.+?)\s+(?:is|are)\s+(?:now\s+|finally\s+|all\s+)?(?:done|finished|complete|completed|submitted|sent|booked|paid|sorted|taken care of|out the door|shipped|live)$/iu.exec(
      text,
    )
  if (m) return { text, about: m[1]!, target: 'any', status: 'done', note: null, otherwise: null }
  // "SUBMITTED", "approved!!", "filed": the word that ends the task last spoken of, alone.
  if (
    /^(?:I\s+am\s+|we\s+are\s+)?(?:all\s+)?(?:done|finished)(?:\s+with\s+(?:it|that))?$|^(?:finished|done|completed)\s+(?:it|that)$/iu.test(
      text,
    ) ||
    /^(?:(?:I|we)\s+)?(?:(?:have|just|all|finally|now|officially)\s+)*(?:submitted|approved|accepted|granted|filed|sent off|posted|signed off|handed in)(?:\s+(?:today|finally|at last|now))?$/iu.test(
      text,
    )
  )
    return { text, about: '', target: 'task', status: 'done', note: null, otherwise: null }
  // Resolved problems.
  m =
    /^(?:the\s+|my\s+|our\s+)?(.+?)\s+(?:works|is working|are working|runs|prints|connects|loads|boots|syncs|is fine|is back|is back up|are back up|is up)\s*(?:again|now|fine|normally|properly)?(?:\s+(?:again|now))?$/iu.exec(
      text,
    ) ??
    /^(?:the\s+|my\s+|our\s+)?(.+?)\s+(?:is|are|was|were|got|has been|have been)\s+(?:now\s+|finally\s+)?(?:fixed|resolved|sorted|solved|repaired|working again|no longer broken|back to normal)\b.*$/iu.exec(
      text,
    ) ??
    /^(?:I|we)\s+(?:finally\s+|just\s+)?(?:fixed|solved|resolved|repaired|got)\s+(.+?)(?:\s+(?:working|to work|running|fixed))?(?:\s+(?:again|now|at last))?$/iu.exec(
      text,
    )
  if (
    m &&
    (/\b(?:again|fixed|resolved|solved|repaired|back|normal|working)\b/iu.test(text) ||
      /^(?:I|we)\s/iu.test(text))
  ) {
    if (/^(?:I|we)\s+got\s+/iu.test(text) && !/\b(?:working|fixed|running|to work)\b/iu.test(text))
      return null
    return { text, about: m[1]!, target: 'issue', status: 'resolved', note: null, otherwise: null }
  }
  // Blocked.
  m =
    /^(?:the\s+|my\s+|our\s+)?(.+?)(?:\s+(?:is|are)|['’]s)\s+(?:still\s+|now\s+|currently\s+)?(?:stuck|blocked|on hold|held up|waiting|paused|delayed)\s*(?:on|by|because of|because|waiting (?:for|on)|until|for|pending)?\s*(.*)$/iu.exec(
      text,
    ) ??
    /^(?:I\s+am\s+|we\s+are\s+)?(?:still\s+)?waiting\s+(?:for|on)\s+(.+?)\s+(?:for|on|before|to (?:approve|sign off on|review))\s+(.+)$/iu.exec(
      text,
    )
  if (m) {
    const waitingFirst = /^(?:I\s+am\s+|we\s+are\s+)?(?:still\s+)?waiting/iu.test(text)
    const about = waitingFirst ? m[2]! : m[1]!
    const reason = waitingFirst ? `waiting for ${tidy(m[1]!)}` : tidy(m[2] ?? '')
    if (/^I$|^we$/iu.test(about)) return null
    const issue: Capture = capture('issue', text, { correction: clause.correction })
    return { text, about, target: 'any', status: 'blocked', note: reason || null, otherwise: issue }
  }
  // "Cooler guy swapped the relay, she's running fine now": a fix reported by its outcome.
  if (RESOLVED.test(clause.text) && !/^(?:I|we)\s+(?:am|are)\b/iu.test(clause.text))
    return {
      text: clause.text,
      about: clause.text,
      // "visa came through": what was waited for has come, whether a task or a problem.
      target: /\bcame (?:thru|through)\b/iu.test(clause.text) ? 'any' : 'issue',
      status: 'resolved',
      note: null,
      otherwise: null,
    }
  // "grant report is in progress, about halfway".
  m =
    /^(?:the\s+|my\s+|our\s+)?(.+?)\s+(?:is|are)\s+(?:now\s+|well\s+)?(?:in progress|underway|under way|halfway(?: done| there)?|coming along|moving again)\b/iu.exec(
      text,
    )
  if (m) return { ...done(m[1]!, 'task'), status: 'in_progress' }
  // "found the keys in my gym bag": what was lost is found.
  m =
    /^(?:I\s+|we\s+)?(?:finally\s+)?found\s+(?:my\s+|the\s+|our\s+)?(.+?)(?:\s+(?:in|under|behind|at|on)\s+.+)?$/iu.exec(
      text,
    )
  if (m) return { ...done(m[1]!, 'issue'), status: 'resolved' }
  // Started.
  m =
    /^(?:I|we)\s+(?:just\s+|finally\s+)?(?:started|began|kicked off|am starting|have started)\s+(?!eating|drinking|going|taking|using|working (?:at|for)|at\b|with\b)(?:on\s+|working on\s+)?(.+)$/iu.exec(
      text,
    )
  if (m && !/^(?:at|with|a new job|my new job|working at)\b/iu.test(m[1]!)) {
    return {
      text,
      about: m[1]!,
      target: 'task',
      status: 'in_progress',
      note: null,
      otherwise: capture('task', tidy(m[1]!), { correction: clause.correction }),
    }
  }
  return null
}
