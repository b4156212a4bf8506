import { contentLemmas } from './similarity'

/** An open task or problem, as `outcome.ts` reads them. */
interface Open {
  kind: 'task' | 'issue'
  text: string
}

/** Who answered, and that they did: "Tom said …", "the council got back to me", "Priya replied". */
const ANSWERED =
  /^(?:so\s+|ok\s+|okay\s+)?(?:the\s+|my\s+|our\s+)?((?:[\p{L}.'’-]+\s+){0,2}?[\p{L}.'’-]+)\s+(?:finally\s+|eventually\s+|just\s+)?(?:said|says|told (?:me|us)|replied|answered|wrote back|emailed back|texted back|messaged back|rang back|rang me back|called back|called me back|phoned back|got back to (?:me|us)|came back to (?:me|us))\b/iu

/** A task that is to ask, reach or hear from someone: "ask Tom to cover", "email the landlord about the damp". */
const REACHING =
  /\b(?:ask|asking|call|calling|ring|ringing|phone|phoning|email|emailing|e-mail|text|texting|message|messaging|contact|contacting|chase|chasing|check with|speak to|speak with|talk to|talk with|write to|hear from|hear back from|get hold of|get back to|reply to|get in touch with|get an answer from|run it by|run (?:this|that) by|ping)\b/iu

/**
 * A problem that is someone not answering: "the Landesdirektion does not answer my emails",
 * "landlord isn't replying to my texts", "HR haven't got back to me".
 */
const SILENCE =
  /(?:\b(?:not|never|no)|n['’]t)\s+(?:\p{L}+\s+){0,2}?(?:answer(?:ed|ing|s)?|repl(?:y|ied|ying|ies)|respon(?:d|ded|ding|ds|se)|call(?:ed|ing)? (?:me |us )?back|r(?:i|u)ng(?:ing)? (?:me |us )?back|g[eo]t(?:ten|ting)? back|hear(?:d)? back|heard anything|word)\b/iu

/**
 * The one open problem of someone not answering that an answer ends: "finally they called back"
 * for "the Landesdirektion does not answer my emails". Told by a pronoun, it is the only such
 * problem; told by a name, the one that names them.
 */
function silenceAnswered<T extends Open>(who: string, open: readonly T[]): T | null {
  const silent = open.filter((o) => o.kind === 'issue' && SILENCE.test(o.text))
  const pronoun = /(?:^|\s)(?:they|he|she)$/iu.test(who.trim())
  const named = contentLemmas(who)
  const naming = pronoun
    ? silent
    : silent.filter(
        (o) => named.length > 0 && named.every((w) => contentLemmas(o.text).includes(w)),
      )
  return naming.length === 1 ? naming[0]! : null
}

/** A refusal or a reply still to come answers nothing yet. */
const NOT_AN_ANSWER = /\b(?:not|no|never|cannot|yet|still|maybe|might)\b|n['’]t\b|\?/iu

/**
 * The one open task to reach someone that their answer finishes: "Tom said he can do it" finishes
 * "ask Tom to cover my Saturday shift"; "the landlord got back to me" finishes "email the landlord
 * about the damp". Null when no task, or more than one, names who answered, or the answer is a
 * no or still to come.
 *
 * @example answeredBy('Tom said he can do it', [{ id: 't', kind: 'task', text: 'ask Tom to cover my shift' }]) // that task
 */
export function answeredBy<T extends Open>(statement: string, open: readonly T[]): T | null {
  const m = ANSWERED.exec(statement.trim())
  if (!m || NOT_AN_ANSWER.test(statement)) return null
  const silence = silenceAnswered(m[1]!, open)
  if (silence) return silence
  const who = contentLemmas(m[1]!)
  if (who.length === 0 || /^(?:I|we|you|it|this|that|there|he|she|they)$/iu.test(m[1]!.trim()))
    return null
  const naming = open.filter((o) => {
    const words = contentLemmas(o.text)
    return who.every((w) => words.includes(w))
  })
  const [one] = naming
  return naming.length === 1 && one!.kind === 'task' && REACHING.test(one!.text) ? one! : null
}
