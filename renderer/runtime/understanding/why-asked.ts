import { STRONG_ISSUE } from './cues'
import type { Capture } from './types'

/**
 * A sentence that opens by asking the assistant how to reply, address or reach the person:
 * "kindly address me as Ma'am only", "Pls don't send notifications after 10pm", "can you give me
 * temps in celsius", "Do address me as Hugh", "I prefer answers in short points".
 */
const ASKS_HOW_TO_REPLY = new RegExp(
  String.raw`^(?:(?:please|pls|plz|kindly|oh|and|also|btw|just)[,\s]+)*` +
    String.raw`(?:(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|kindly\s+)?)?` +
    String.raw`(?:do\s+|(?:do\s+not|don['’]?t|dont|never)\s+(?:ever\s+)?(?:be\s+)?)?` +
    String.raw`(?:address|call|reply|respond|answer|write|use|give|send|keep|talk|speak|explain|message|text|notify|ping|format|spell)\b` +
    String.raw`|I\s+(?:would\s+|['’]d\s+)?(?:prefer|like|want)\s+(?:you\b|(?:your\s+|the\s+|all\s+)?(?:answers?|replies|reply|messages?|responses?|notifications?|summaries|explanations?|texts?)\b))`,
  'iu',
)

/** A clause that asks or tells a liking of its own: "I prefer …", "no emojis", "also use …". */
const OWN_ASK =
  /^(?:also|and|plus|but|no|never|please|pls|kindly)\b|^I\s+(?:would\s+|['’]d\s+)?(?:prefer|like|love|hate|want|rather|enjoy)\b/iu

/** What the person is trying to do that the request serves: "I'm trying to sleep properly". */
const AIM = /\b(?:trying|try|learning|hoping)\s+to\b|\bpracti[sc]e\b/iu

/**
 * Whether `next`, read from `clause`, only says why the person asked what their sentence opens
 * with: "kindly address me as Ma'am only, my students are also reading over my shoulder", "Please
 * reply in English only, my Bangla typing is slow", "Do address me as Hugh; 'Mr Ellison' makes me
 * feel ancient", "Pls don't send notifications after 10pm, I'm trying to sleep properly". Not a
 * thing with a day, a subject of its own (a job, a name), a liking of its own, a fault ("my laptop
 * keeps crashing") or a to-do that is not what the request serves.
 *
 * @example whyAsked("Please reply in English only, my Bangla typing is slow", issue, 'my Bangla typing is slow') // true
 */
export function whyAsked(sentence: string, next: Capture, clause: string): boolean {
  if (!ASKS_HOW_TO_REPLY.test(sentence.trim())) return false
  if (next.due !== null || next.schedule !== null || next.subject !== null) return false
  const text = clause.trim()
  if (OWN_ASK.test(text) || ASKS_HOW_TO_REPLY.test(text)) return false
  if (next.kind === 'issue') return !STRONG_ISSUE.test(text)
  if (next.kind === 'task') return AIM.test(text)
  return true
}
