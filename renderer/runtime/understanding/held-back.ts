/** Someone or something unable to go ahead: "can't", "cannot", "unable to", "not able to". */
const UNABLE = String.raw`(?:can['’]?t|cannot|can not|could(?:n['’]?t| not)|(?:am|is|are|was|were)? ?(?:un|not )able to)`

/**
 * What it waits for, after the inability: a condition ("till the council confirm", "without my
 * employer's letter", "unless they sign"), "yet" ("cannot submit yet, waiting …"), or another party
 * who must act first ("I cannot finish, the FA office must sign the letter").
 */
const HELD_BACK = new RegExp(
  String.raw`\b${UNABLE}\s+(?:[\p{L}\p{N}'’-]+\s+){0,6}?(?:until|till|til|unless|without|before|pending)\s+(?!(?:next|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|then|now|later)\b|(?:the\s+)?\d)` +
    String.raw`|\b${UNABLE}\s+(?:[\p{L}\p{N}'’-]+\s+){1,6}?yet\b` +
    String.raw`|\b${UNABLE}\s+(?:[\p{L}\p{N}'’-]+\s+){0,6}?[\p{L}\p{N}'’-]+\s*[,;]\s+(?:the\s+|my\s+|our\s+|their\s+)?(?:[\p{L}'’-]+\s+){1,3}?(?:must|has to|have to|needs? to|got to)\s+\p{L}`,
  'iu',
)

/**
 * Whether a statement tells a thing held back by something else, not a trouble of its own: "the 72
 * timetable can't go out till the council confirm", "Mr Tan claim cannot submit yet, waiting
 * hospital give the final bill", "the visa form cannot go in without my employer's letter". Told
 * of an open task, it is that task waiting, however few words name it.
 *
 * @example heldBack("the visa form cannot go in without my employer's letter") // true
 * @example heldBack("I can't log in") // false
 * @example heldBack("can't see the GP till next week") // false
 */
export const heldBack = (statement: string): boolean => HELD_BACK.test(statement)
