import { capture, type Clause, type Rule } from './capture'
import { anchorDate, dueOf, findDate } from './dates'
import { TIME_ONLY } from './due-then'
import { EVENT } from './lexicon'
import type { Capture } from './types'
import { tidy, upperFirst } from './text'
import { wantedBy } from './wanted-by'
import { general } from './rules-general'

/** A task from what must be done, with its deadline resolved against the message time. */
function task(what: string, clause: Clause, whole?: string): Capture {
  const date = findDate(whole ?? what, clause.now)
  const text = date ? anchorDate(what, shift(date, whole ?? what, what), clause.now) : what
  return capture('task', upperFirst(tidy(text)), {
    due: dueOf(date),
    correction: clause.correction,
  })
}

/** A found date re-based from `whole` onto `part` (the date phrase is usually in both). */
function shift<T extends { index: number; phrase: string }>(
  found: T,
  whole: string,
  part: string,
): T {
  if (whole === part) return found
  const at = part.indexOf(found.phrase)
  return at < 0 ? { ...found, index: -1 } : { ...found, index: at }
}

const NEED =
  '(?:really\\s+|still\\s+|also\\s+|definitely\\s+|urgently\\s+|seriously\\s+|totally\\s+|probably\\s+)*(?:need to|needs to|have to|has to|must|should|ought to|got to|gotta|want to|wanna|plan to|am planning to|am planning on|intend to|am going to|will|would like to|hope to|promised to|am supposed to|am meant to|mean to|have got to|am trying to|will try to)(?:\\s+(?:really|probably|definitely|seriously|actually|also|still|finally|just))*'

/**
 * To-dos: "Remind me to call mom tomorrow", "TODO: book the car service", "I need to renew my
 * passport by Friday", "don't let me forget to pay rent", "the grant proposal is due Friday",
 * "I'm working on the Q3 report".
 */
const todo: Rule = (clause) => {
  const { text } = clause
  let m = /^(?:todo|to-do|to do|task|action item|reminder|tasks|reminders)\s*[:\-–]\s*(.+)$/iu.exec(
    text,
  )
  if (m) return [task(m[1]!, clause)]
  // "TODO write the postmortem by friday": the header without its colon ("todo list is long" is not one).
  m = /^(?:todo|to-do)\s+(?!(?:list|lists|app|apps|items?)\b)(.+)$/iu.exec(text)
  if (m) return [task(m[1]!, clause)]
  m =
    /^(?:please\s+|can you\s+|could you\s+|would you\s+)?(?:remind me|set a reminder|add a reminder|make a note|add a task|add to my (?:to-?do )?list|put on my list)\s*(?:to|that I need to|that I have to|about|:)?\s+(.+)$/iu.exec(
      text,
    )
  if (m) {
    const what = m[1]!.replace(/^(?:to|that I (?:need|have) to)\s+/iu, '')
    // "remind me every Monday at 9 to send the status report": the task, then when.
    const when =
      /^((?:every|each|on|at|tomorrow|tonight|today|next|this|in|daily|weekly|monthly|first thing|later|before|after)\b[^,]*?)\s+to\s+(.+)$/iu.exec(
        what,
      )
    return [task(when ? `${when[2]!} ${when[1]!}` : what, clause)]
  }
  m =
    /^(?:the\s+|my\s+|our\s+)?plan(?:\s+for\s+[\p{L}\s]+?)?\s+is\s+to\s+(.+)$/iu.exec(text) ??
    /^I\s+(?:promised|told|assured)\s+(?:[\p{L}'-]+\s+){1,3}?(?:I would|I will|I'd|I'll|to|that I would|that I will)\s+(.+)$/iu.exec(
      text,
    )
  // A promise keeps who it was made to ("told Kwame I'd review his budget").
  if (m) return [task(/^I\s+(?:promised|told|assured)\b/iu.test(text) ? text : m[1]!, clause, text)]
  m = /^(?:please\s+)?(?:do not|don't|never)\s+let\s+me\s+forget\s+(?:to\s+|about\s+)?(.+)$/iu.exec(
    text,
  )
  if (m) return [task(m[1]!, clause)]
  m = /^(?:I\s+)?(?:must|need to|have to)\s+remember\s+to\s+(.+)$/iu.exec(text)
  if (m) return [task(m[1]!, clause)]
  m = new RegExp(`^(?:I|we)\\s+${NEED}\\s+(.+)$`, 'iu').exec(text)
  if (m) {
    const what = m[1]!
    // "I'm going to a wedding in Cork in August": going to an event is an event, not a to-do.
    if (
      /^(?:I|we)\s+(?:am|are)\s+going\s+to\s+(?:an?|the|my|our|his|her|their)\s/iu.test(text) &&
      (EVENT.test(what) ||
        findDate(what, clause.now) !== null ||
        /^(?:the|my|our)\s+(?:dentist|doctors?|gp|vet|hospital|opticians?|hairdressers?|barbers?|clinic|surgery|physio)\b/iu.test(
          what,
        ))
    )
      return null
    if (
      /^(?:be|have|get)\s+(?:a|an|some|more|better|less)\s+(?:rest|sleep|break|coffee|nap|drink)\b/iu.test(
        what,
      )
    )
      return null
    if (
      /^(?:be\s+(?:in|at|on)\b|be\s+(?:back|home|away|out|off|there|around|late|busy))/iu.test(
        what,
      ) &&
      !/\bby\b/iu.test(what)
    )
      return null
    if (
      /^(?:know|understand|ask you|tell you|say|see|think|check if you|learn more about you|talk|chat)\b/iu.test(
        what,
      )
    )
      return null
    // "I want to practise", "I'm trying to modernise": a verb with nothing to do it to is why,
    // not what; there is nothing to tick off.
    if (/^\p{L}+$/u.test(what.trim())) return null
    // "must not forget this time", "I need to book it": nothing of its own to do.
    if (
      /^not\b/iu.test(what) ||
      /^\w+\s+(?:it|that|this|them)(?:\s+(?:now|today|soon|too))?$/iu.test(what)
    )
      return null
    return [task(what, clause, text)]
  }
  // "need more test strips before the weekend", "we need a new kettle": something to get.
  m =
    /^(?:I|we)\s+(?:really\s+|still\s+|also\s+|urgently\s+)*need\s+((?:more|new|a new|some|another|a replacement|replacement|a spare|spare)\s+.+)$/iu.exec(
      text,
    )
  if (
    m &&
    !/\b(?:sleep|rest|break|coffee|holiday|vacation|time|help|advice|hug|drink|nap|space)\b/iu.test(
      m[1]!.split(/\s+(?:before|by|for|this|next|on)\b/iu)[0]!,
    )
  )
    return [task(`Get ${m[1]!}`, clause, text)]
  m =
    /^(?:I|we)\s+(?:am|are)\s+(?:now\s+|currently\s+|still\s+|busy\s+)*(?:working on|focused on|focusing on|in the middle of|halfway through|preparing|drafting|writing|building|designing|planning|organi[sz]ing|studying for|training for|putting together|finishing|benchmarking|debugging|testing|evaluating|migrating|refactoring|reviewing|rewriting|implementing|setting up|learning|researching)\s+(.+)$/iu.exec(
      text,
    )
  if (m) {
    // "training for the Perth marathon" keeps its "for"; "working on X" is just X.
    const verb = /working on|focused on|focusing on|in the middle of|halfway through/iu.test(text)
      ? ''
      : (/^(\w+ing(?:\s+(?:for|together|up))?)\b/iu.exec(
          text.replace(/^(?:I|we)\s+(?:am|are)\s+(?:now\s+|currently\s+|still\s+|busy\s+)*/iu, ''),
        )?.[1] ?? '')
    const doing = task(`${verb ? `${verb} ` : ''}${m[1]!}`, clause, text)
    // "training for the Perth marathon on 21 June": an event in the person's life, with its date,
    // not something to tick off.
    return [/^training for\b/iu.test(verb) ? { ...doing, kind: 'fact' } : doing]
  }
  m =
    /^(?:the\s+|my\s+|our\s+)?(.+?)\s+(?:is|are)\s+due\s+(.+)$/iu.exec(text) ??
    /^(?:the\s+|my\s+|our\s+)?(?:[\p{L}-]+\s+)?deadline\s+(?:for|on|to)\s+(.+?)\s+is\s+(.+)$/iu.exec(
      text,
    ) ??
    /^(?:my\s+|the\s+|our\s+)?(.+?)\s+deadline\s+is\s+(.+)$/iu.exec(text) ??
    /^(.+?)\s+due\s+(?:by\s+|on\s+)?(.+)$/iu.exec(text)
  if (
    m &&
    findDate(m[2]!, clause.now) &&
    m[1]!.split(' ').length <= 8 &&
    !/\bdue date\b|\bbaby\b/iu.test(text)
  ) {
    let what = tidy(m[1]!).replace(/^(?:my|our|the)\s+/iu, '')
    let when = tidy(m[2]!)
    // "the van's due its MOT on the 21st", "passport is due for renewal in June": what is due is
    // said between "due" and the date; it is the owner's.
    const found = findDate(when, clause.now)!
    const thing =
      /^(?:for\s+)?(?:(?:its|a|an|her|his|their|the)\s+)?((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+?)(\s+(?:on|in|by|before|at)\s*)?$/iu.exec(
        when.slice(0, found.index).trim(),
      )
    if (thing && !/^(?:by|on|before|in|at|from|until|till|this|next|for)$/iu.test(thing[1]!)) {
      what = `${what}'s ${thing[1]!}`
      when = `${thing[2]?.trim() ?? ''} ${when.slice(found.index)}`.trim()
    }
    const date = findDate(when, clause.now)!
    return [
      capture(
        'task',
        `${upperFirst(what)} due ${/^(?:by|on|before|in)\b/iu.test(when) ? '' : 'by '}${anchorDate(when, date, clause.now)}`,
        {
          due: dueOf(date),
          correction: clause.correction,
        },
      ),
    ]
  }
  // "I've got a quote to send to Mrs Patel by Friday": the thing to do, said with its verb first.
  m =
    /^(?:I|we)\s+(?:have got|have|got)\s+(?!(?:got\s+)?(?:nothing|a lot|lots|loads|too much|so much|plenty|enough|things|stuff|much|more|time|no time|work)\s+to\b)((?:a|an|the|my|our|some|two|three|four|five|\d+)\s+.+?)\s+to\s+(finish|submit|write|do|send|prepare|post|fill in|fill out|sign|return|pay|mark|review|hand in|print|pick up|drop off|collect|sort out|sort|order|book|renew|file)\b(.*)$/iu.exec(
      text,
    )
  if (m) return [task(`${m[2]!} ${m[1]!}${m[3] ?? ''}`, clause, text)]
  m =
    /^(?:I|we)\s+(?:have got|have|got)\s+(?:to\s+)?(?!(?:got\s+)?(?:nothing|a lot|lots|loads|too much|so much|plenty|enough|things|stuff|much|more|time|no time|work)\s+to\b)(.+?)\s+(?:to (?:finish|submit|write|do|send|prepare)|due)\b(.*)$/iu.exec(
      text,
    )
  if (m) return [task(`${m[1]!}${m[2] ?? ''}`, clause, text)]
  return null
}

/**
 * "Class 1 medical expires 14 June", "the domain runs out on the 19th": a renewal due then.
 * "Stipend ends in March", "agency say my contract end 26 february": a day to know, said with the day
 * straight after "ends" ("uni end of September", "my shift ends at 6" say no such day).
 */
const expiry: Rule = (clause) => {
  const m =
    /^(?:my\s+|the\s+|our\s+)?(.+?)\s+(expires|expiring|runs out|lapses|is up for renewal|ends|end(?<!\b(?:I|we|you|they|to|will|would|should|must|can|could|might|and|or|the|an?)\s+end))\s+(?:on\s+|in\s+|at the end of\s+)?(.+)$/iu.exec(
      clause.text.split(/,\s+so\b|\s+so\s+I\b/iu)[0]!,
    )
  if (!m) return null
  const date = findDate(m[3]!, clause.now)
  if (!date) return null
  if (
    /^end/iu.test(m[2]!) &&
    (date.index !== 0 || TIME_ONLY.test(date.phrase.trim()) || /^(?:I|we)\b/iu.test(m[1]!))
  )
    return null
  // An expiry is a date to know; it becomes a task when the sentence says something must be done.
  const todo = /\b(?:have to|need to|must|should|gotta|renew|book|apply|submit)\b/iu.test(
    clause.text,
  )
  return [
    capture(todo ? 'task' : 'fact', clause.text, {
      due: dueOf(date),
      correction: clause.correction,
    }),
  ]
}

/**
 * A thing said to be due by a day, with what must happen to it: "Kuba's trip form has to be in by
 * Thursday", "the boat insurance needs renewing by the 15th", "the school trip money has to be
 * paid by Friday". Not a person ("I have to be at work by 8") or a habit ("every Monday").
 */
const MUST_BE =
  /^(?!(?:I|we|you|he|she|they|it|this|that|there|everyone|everybody)\b)(?:[\p{L}\p{N}'’&-]+\s+){0,6}?[\p{L}\p{N}'’&-]+\s+(?:(?:has|have|needs?|must|got)\s+(?:to\s+)?(?:be|go|get)\s+(?:in|out|off|back|up|done|ready|paid|sent|made|built|put|set|kept|sold|bought|brought|held|\p{L}+ed|\p{L}+en|with)\b|needs?\s+(?!to\b)\p{L}+ing\b)/iu

const dueByThen: Rule = (clause) => {
  const text = clause.text.split(/,\s+(?:so|but|and|which|that['’]?s|it['’]?s)\b/iu)[0]!
  const m = MUST_BE.exec(text)
  if (!m || /\bevery\b/iu.test(text)) return null
  const date = findDate(text.slice(m[0].length), clause.now)
  if (
    !date ||
    !/\b(?:by|before|on|until|till|no later than|for)\s*$/iu.test(
      text.slice(m[0].length, m[0].length + date.index),
    )
  )
    return null
  return [task(text, clause)]
}

/**
 * A job someone else asks of the person by a day: "my manager wants the damp report by the 10th",
 * "client needs the drawings sent before Friday". The clause is kept whole, so the task says who
 * asked and, when the thing is only "it", what it points back to; what the clause said before
 * naming a new asker is read on its own ("the inspection is on 8 April, and the inspector wants
 * the records by 1 April").
 */
const askedBy: Rule = (clause) => {
  const asked = wantedBy(clause.text, clause.now)
  if (!asked) return null
  const { now, correction } = clause
  if (asked.after === null)
    return [
      capture('task', anchorDate(clause.text, asked.due, now), {
        due: dueOf(asked.due),
        correction,
      }),
    ]
  const lead = clause.text.slice(0, asked.after).replace(/[\s,;]*(?:and|so|but)?\s*$/iu, '')
  const ask = clause.text.slice(asked.after)
  const due = { ...asked.due, index: asked.due.index - asked.after }
  return [
    ...(general({ ...clause, text: lead }) ?? []),
    capture('task', anchorDate(ask, due, now), { due: dueOf(due), correction }),
  ]
}

/** Task rules. */
export const TASK_RULES: Rule[] = [expiry, dueByThen, todo, askedBy]
