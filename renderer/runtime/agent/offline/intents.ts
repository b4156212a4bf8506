/** What the offline assistant understood one sentence to mean. */
export type Intent =
  | { type: 'remember'; text: string }
  | { type: 'preference'; key: string; value: string; text: string }
  | { type: 'task-start'; description: string }
  | { type: 'task-done'; description: string | null }
  | { type: 'task-last-action'; action: string }
  | { type: 'issue-open'; text: string }
  | { type: 'issue-resolve'; text: string }
  | { type: 'forget'; text: string }
  | { type: 'ask-about-me' }
  | { type: 'ask-doing' }
  | { type: 'ask-about'; topic: string }
  | { type: 'ask-said'; query: string }
  | { type: 'greeting' }
  | { type: 'thanks' }
  | { type: 'unknown'; text: string }

const clean = (s: string): string => s.trim().replace(/[.!?\s]+$/u, '')

/** Splits a message into sentences and reads each one. Deterministic: same text, same intents. */
export function parseIntents(message: string): Intent[] {
  const sentences = message
    .split(/(?<=[.!?])\s+|\n+/u)
    .map(clean)
    .filter((s) => s !== '')
  const intents = sentences.map(parseSentence)
  // Several unknown fragments are one thing the model would have to handle.
  const known = intents.filter((i) => i.type !== 'unknown')
  return known.length > 0 ? known : [{ type: 'unknown', text: message.trim() }]
}

const preferenceOf = (text: string): Intent | null => {
  const my = /^my\s+([\p{L}\s-]{1,40}?)\s+is\s+(.+)$/iu.exec(text)
  if (my)
    return { type: 'preference', key: my[1]!.toLowerCase().trim(), value: clean(my[2]!), text }
  const call = /^(?:please\s+)?call me\s+(.+)$/iu.exec(text)
  if (call)
    return {
      type: 'preference',
      key: 'name',
      value: clean(call[1]!),
      text: `My name is ${clean(call[1]!)}`,
    }
  const over =
    /^i\s+(?:prefer|like|want|choose)\s+(.+?)\s+(?:over|to|instead of|rather than)\s+(.+)$/iu.exec(
      text,
    )
  if (over) {
    const pair = [over[1]!, over[2]!].map((s) => s.toLowerCase().trim()).sort()
    return { type: 'preference', key: `choice: ${pair.join(' vs ')}`, value: over[1]!.trim(), text }
  }
  const prefer = /^i\s+(?:prefer|like)\s+(.+)$/iu.exec(text)
  if (prefer) {
    const what = prefer[1]!.trim()
    const style = /\b(answers?|replies|responses?|explanations?)\b/iu.test(what)
    return {
      type: 'preference',
      key: style ? 'answer style' : `likes: ${what.toLowerCase()}`,
      value: what,
      text,
    }
  }
  return null
}

function parseSentence(sentence: string): Intent {
  const s = sentence
  let m: RegExpExecArray | null
  if (
    /\bwhat do you (?:know|remember)(?: about me)?$|\bwhat do you know about me\b|\bwho am i\b/iu.test(
      s,
    )
  )
    return { type: 'ask-about-me' }
  if (
    /\bwhat (?:was|am|were) i (?:doing|working on)\b|\bwhere (?:was i|did i leave off|were we)\b/iu.test(
      s,
    )
  )
    return { type: 'ask-doing' }
  if ((m = /\bwhat did i (?:say|tell you|mention|write) about\s+(.+)$/iu.exec(s)))
    return { type: 'ask-said', query: clean(m[1]!) }
  if ((m = /\bwhat do you (?:know|remember) about\s+(.+)$/iu.exec(s)))
    return { type: 'ask-about', topic: clean(m[1]!) }
  if ((m = /^(?:please\s+)?forget\s+(?:that\s+|about\s+)?(.+)$/iu.exec(s)))
    return { type: 'forget', text: clean(m[1]!) }
  if ((m = /^(?:please\s+)?(?:remember|note|keep in mind)(?:\s+that)?\s*:?\s+(.+)$/iu.exec(s))) {
    const inner = clean(m[1]!)
    const pref = /^my\s+/iu.test(inner) ? preferenceOf(inner) : null
    return pref ?? { type: 'remember', text: inner }
  }
  if ((m = /^(?:the\s+)?last thing i did was\s+(.+)$/iu.exec(s)))
    return { type: 'task-last-action', action: clean(m[1]!) }
  if (
    (m = /^(?:i(?:'m| am)\s+)?(?:done with|finished with)\s+(.+)$/iu.exec(s)) ||
    (m = /^i(?:'ve| have)?\s+(?:finished|completed)\s+(.+)$/iu.exec(s))
  )
    return { type: 'task-done', description: clean(m[1]!) }
  if (/^(?:i(?:'m| am)\s+)?(?:all\s+)?done$/iu.test(s))
    return { type: 'task-done', description: null }
  if ((m = /^i(?:'m| am)\s+(?:now\s+|currently\s+|still\s+)?working on\s+(.+)$/iu.exec(s)))
    return { type: 'task-start', description: clean(m[1]!) }
  if (
    (m =
      /^i(?:'m| am)\s+(?:now\s+|currently\s+)?((?:benchmarking|building|writing|debugging|testing|evaluating|migrating|refactoring)\s+.+)$/iu.exec(
        s,
      ))
  )
    return { type: 'task-start', description: clean(m[1]!) }
  if ((m = /^(.+?)\s+(?:is|are)\s+(?:fixed|working again|resolved)$/iu.exec(s)))
    return { type: 'issue-resolve', text: m[1]! }
  if (/^(.+?)\s+(?:is|are|keeps?)\s+(?:broken|failing|down|not working|crashing)\b/iu.test(s))
    return { type: 'issue-open', text: s }
  const pref = preferenceOf(s)
  if (pref) return pref
  if (/^(?:hi|hello|hey|good (?:morning|afternoon|evening))\b/iu.test(s))
    return { type: 'greeting' }
  if (/^(?:thanks|thank you|cheers)\b/iu.test(s)) return { type: 'thanks' }
  return { type: 'unknown', text: s }
}
