import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COMMA,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  isSpace,
} from './json-bytes'
import type { SessionLimits } from './limits'
import type { Checked } from './problems'

const BOM = [0xef, 0xbb, 0xbf]

/** One piece of a JSON list read as it arrives: an element's bytes, or why the reading stopped. */
export type ListPiece =
  | { kind: 'element'; bytes: Uint8Array }
  /** The bytes are not plainly a list within the limits (see `listSpans`). */
  | { kind: 'not-a-list' }
  /** A chunk could not be read (the zip entry is damaged). */
  | { kind: 'unreadable'; failure: Checked<never> }

/**
 * The elements of a JSON list whose UTF-8 bytes arrive in `chunks`, each element's bytes handed over
 * as soon as it closes, so the list is never held whole: the streaming twin of `listSpans`, with the
 * same rules (structural characters are ASCII; nesting and container counts under `limits`; an
 * empty place between commas, or anything after the closing bracket, is not a list). A byte order
 * mark may open the first chunk. Ends after the last element, or with one `not-a-list` or
 * `unreadable` piece. Nothing is copied but an element that spans chunks (into one reused buffer),
 * so an element's bytes are good only until the next piece is asked for — as a chunk's are.
 */
export function* streamListElements(
  chunks: Iterable<Checked<Uint8Array>>,
  limits: Pick<SessionLimits, 'maxDepth' | 'maxContainers'>,
): Generator<ListPiece> {
  let opened = false
  let closed = false
  // How much of a byte order mark opened the bytes: 0 to 3, or -1 once anything else came.
  let bom = 0
  let depth = 1
  let containers = 1
  let inString = false
  let escaped = false
  let elements = 0
  // Whether an element is open, and the part of it that came in earlier chunks (in `carry`, one
  // buffer reused for every element that spans chunks, grown when one is larger).
  let inElement = false
  let carry = new Uint8Array(0)
  let carried = 0
  const keep = (part: Uint8Array): void => {
    if (carried + part.length > carry.length) {
      const grown = new Uint8Array(Math.max(carry.length * 2, carried + part.length, 64 * 1024))
      grown.set(carry.subarray(0, carried))
      carry = grown
    }
    carry.set(part, carried)
    carried += part.length
  }
  for (const chunk of chunks) {
    if (!chunk.ok) {
      yield { kind: 'unreadable', failure: chunk }
      return
    }
    const bytes = chunk.value
    let i = 0
    let start = inElement ? 0 : -1
    for (; i < bytes.length; i++) {
      const c = bytes[i]
      if (closed) {
        if (!isSpace(c)) return yield { kind: 'not-a-list' }
        continue
      }
      if (!opened) {
        if (bom >= 0 && bom < 3 && c === BOM[bom]) {
          bom++
          continue
        }
        // Part of a mark is not one.
        if (bom === 1 || bom === 2) return yield { kind: 'not-a-list' }
        bom = -1
        if (isSpace(c)) continue
        if (c !== OPEN_BRACKET) return yield { kind: 'not-a-list' }
        opened = true
        continue
      }
      if (escaped) {
        escaped = false
        continue
      }
      if (inString) {
        if (c === BACKSLASH) escaped = true
        else if (c === QUOTE) inString = false
        continue
      }
      if (depth === 1) {
        if (c === COMMA || c === CLOSE_BRACKET) {
          if (inElement) {
            const tail = bytes.subarray(Math.max(start, 0), i)
            let whole = tail
            if (carried > 0) {
              keep(tail)
              whole = carry.subarray(0, carried)
            }
            inElement = false
            carried = 0
            elements++
            yield { kind: 'element', bytes: whole }
          } else if (c === COMMA || elements > 0) return yield { kind: 'not-a-list' }
          start = -1
          if (c === CLOSE_BRACKET) closed = true
          continue
        }
        if (isSpace(c)) continue
        if (!inElement) {
          start = i
          inElement = true
        }
      }
      if (c === QUOTE) inString = true
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (++depth > limits.maxDepth || ++containers > limits.maxContainers)
          return yield { kind: 'not-a-list' }
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (--depth < 1) return yield { kind: 'not-a-list' }
      }
    }
    // The element goes on in the next chunk: keep a copy of its part of this one.
    if (inElement) keep(bytes.subarray(Math.max(start, 0)))
  }
  // The list never closes.
  if (!closed) yield { kind: 'not-a-list' }
}
