import { parse } from './nlp'
import { soundsLikeTrouble } from './rules-issue'
/**
 * A trouble told as gone by denying it: "she's not limping anymore", "the tap isn't dripping any
 * more", "hasn't crashed since Tuesday", "it doesn't log me out any more", "no longer itches".
 * Group 1 is the word denied, group 2 what follows it up to the word that bounds it in time.
 */
const DENIED =
  /(?:\b(?:no longer|not|never)|n['’]t)\s+(?:been\s+|even\s+|really\s+|once\s+)?(\p{L}+)((?:\s+[\p{L}'’]+){0,4}?)\s+(?:any ?more|any longer|now(?![\p{L}'’])|since\b|for (?:days|ages|weeks|a (?:few )?(?:days?|weeks?)|(?:\d+|two|three|four|five|six) (?:days|weeks))|in (?:days|ages|weeks|a (?:few )?(?:days?|weeks?)|(?:\d+|two|three|four|five|six) (?:days|weeks)))/iu
const NO_LONGER = /\bno longer\s+(\p{L}+)((?:\s+[\p{L}'’]+){0,3})/iu
/** "no leak now", "no grinding anymore": none of the trouble, now. */
const NONE_NOW = /\bno\s+(?:more\s+)?(\p{L}+)()\s+(?:now|any ?more|any longer)\b/iu
/** "he's stopped scratching", "the tap has finally stopped dripping": the trouble has ended. */
const STOPPED =
  /\b(?:stopped|quit|ceased)\s+(\p{L}+ing)\b((?:\s+(?!(?:again|and|but|so|when|because)\b)[\p{L}'’]+){0,3})/iu

/**
 * Words whose denial is the trouble itself ("it doesn't work any more", "hasn't rung since",
 * "haven't heard back since Monday"): what should happen and has stopped.
 */
const WANTED =
  /^(?:work|works|worked|working|run|runs|ran|running|start|starts|started|starting|charge|charges|charged|charging|load|loads|loaded|loading|sync|syncs|synced|syncing|print|prints|printed|printing|connect|connects|connected|connecting|drain|drains|drained|draining|flush|flushes|flushed|flushing|heat|heats|heated|heating|come|comes|came|coming|arrive|arrives|arrived|reply|replies|replied|respond|responds|responded|hear|heard|ring|rang|rung|call|called|fix|fixed|sort|sorted|get|got|gotten|go|gone|went|see|seen|saw|eat|eats|ate|eating|sleep|sleeps|slept|sleeping|turn|turned|open|opens|opened|close|closes|closed|pay|paid|send|sent|answer|answered|be|been|do|does|did|done|able|allowed|paid|happy|right|fit|fits|fitted|stay|stays|stayed|hold|holds|held|keep|keeps|kept|replying|responding|answering|paying|sending|cooling|spinning|booting|talking|breathing|moving|growing|laying|texting|calling|ringing back)$/iu

/** Verbs of becoming: "go dark", "turn yellow", "get stuck" tell a trouble by what it becomes. */
const BECOME = /^(?:go|goes|going|went|gone|turn|turns|turning|turned|get|gets|getting|got)$/iu

/** Whether a verb of becoming and the word after it tell a trouble: "go dark", not "go to school". */
function becomes(word: string, rest: string): boolean {
  const next = rest.trim().split(/\s+/u)[0] ?? ''
  return BECOME.test(word) && next !== '' && parse(next).has('^#Adjective$')
}

/** What a person has had and is glad to be without: "haven't had a migraine since March". */
const TROUBLE =
  /^(?:migraines?|headaches?|pains?|attacks?|seizures?|fits?|flare-?ups?|episodes?|nosebleeds?|leaks?|drips?|crash(?:es)?|errors?|problems?|issues?|trouble|bother|coughs?|fevers?|rash(?:es)?|nightmares?|cramps?|spasms?|dizzy|dizziness|nausea|symptoms?|accidents?|blips?|outages?|power cuts?|complaints?|bluescreens?|mice|rats|slugs|ants|wasps)$/iu

/** Words that keep it an open question or a worry: "not yet", "still", "if". */
const UNSURE = /\b(?:yet|still|if|unless|hope|hoping|hopefully|touch wood|fingers crossed)\b|\?/iu

/**
 * The words a statement denies when it tells a trouble as gone ("she's not limping anymore" →
 * limping), or null when it does not: the denied word must be a trouble, not what should happen
 * ("it doesn't work any more" is a fault), and it must not be hedged ("hasn't crashed yet").
 *
 * @example goneByDenial("she's not limping anymore") // ['limping']
 * @example goneByDenial("he's stopped scratching") // ['scratching']
 * @example goneByDenial("the printer hasn't worked since Monday") // null
 */
export function goneByDenial(statement: string): string[] | null {
  if (UNSURE.test(statement)) return null
  const m = DENIED.exec(statement) ?? NO_LONGER.exec(statement) ?? STOPPED.exec(statement)
  if (!m) {
    // "no leak now", "no smudging anymore": none of a trouble or of a doing ("no signal anymore",
    // "no heating now" are the trouble: neither is one in itself).
    const none = NONE_NOW.exec(statement)
    const what = none?.[1] ?? ''
    return soundsLikeTrouble(what) || (/ing$/iu.test(what) && !WANTED.test(what)) ? [what] : null
  }
  const word = m[1]!
  if (WANTED.test(word) && !becomes(word, m[2] ?? '')) return null
  // "haven't had a migraine since March", "not got any pain any more": the thing had is the trouble.
  const had = /^(?:had|got|have|has|felt|noticed)$/iu.test(word)
  const rest = (m[2] ?? '').trim().split(/\s+/u).filter(Boolean)
  if (!had) return [word, ...rest]
  // "haven't had hot water since Tuesday" is the trouble itself.
  return rest.some((w) => TROUBLE.test(w)) ? rest : null
}
