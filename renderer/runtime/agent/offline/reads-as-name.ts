import { parse } from '../../understanding/nlp'

/** A title before a name, typed any way: "dr patel", "Mrs. Okafor". */
const TITLED = /^(?:dr|doctor|mr|mrs|ms|miss|mx|prof|professor|sir|dame)\.?\s+\p{L}{2,}/iu
/** One to three words of letters: a name is no longer and holds no digits. */
const SHAPE = /^\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*){0,2}$/u

const titleCase = (s: string): string =>
  s.replace(/\p{L}[\p{L}'’-]*/gu, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())

/** Where a name ends inside a value: "jo, she lives in york", "mrs okafor on high street". */
const HEAD_END = /[,;(]|\s(?:on|in|at|from|near|who|which|that|and|but|so|because|since|for|of)\s/iu

/**
 * Whether an item says whom it is about by name even when typed in lower case, as people type in a
 * chat box — "my supervisor is dr patel", "sister is jo, she lives in york", "boss is mike" — so
 * "what's my supervisor called?" is answered. The name is what follows "is", "called" or "named",
 * up to a comma or a following phrase. A word the language library knows as something else ("a
 * nurse", "plumber", "leeds") is not a name.
 */
export function readsAsName(text: string): boolean {
  const after = /\b(?:is|are|was|called|named)\s+(.+)$/iu.exec(text)?.[1] ?? ''
  const end = HEAD_END.exec(after)
  const said = (end ? after.slice(0, end.index) : after).trim().replace(/[.!?]+$/u, '')
  if (TITLED.test(said)) return true
  return SHAPE.test(said) && parse(titleCase(said)).has('#Person')
}
