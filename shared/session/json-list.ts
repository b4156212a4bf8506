import type { SessionLimits } from './limits'
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

/**
 * Where each element of a JSON list lies in its UTF-8 bytes, as `[start, end)` offsets in pairs,
 * found without decoding or parsing: JSON's structural characters are ASCII, and no byte of a
 * multi-byte UTF-8 character is below 0x80. So an export's conversations can be parsed one at a
 * time instead of building the whole file's objects at once.
 *
 * Null when the bytes are not plainly a list within the limits (another top-level value, an empty
 * place between commas, anything after the closing bracket, nesting or objects and arrays past the
 * limits): the caller then reads the file whole, which says what is wrong as it does for any file.
 * An element's own syntax is not checked here; parsing it does that.
 * @example listSpans(new TextEncoder().encode('[{"a":1}, 2]'), DEFAULT_LIMITS) // [1, 8, 10, 11]
 */
export function listSpans(
  bytes: Uint8Array,
  limits: Pick<SessionLimits, 'maxDepth' | 'maxContainers'>,
): number[] | null {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  while (isSpace(bytes[i])) i++
  if (bytes[i] !== OPEN_BRACKET) return null
  const spans: number[] = []
  // The list itself is the first level and the first container, as `structureProblem` counts.
  let depth = 1
  let containers = 1
  let inString = false
  let start = -1
  for (i++; i < bytes.length; i++) {
    const c = bytes[i]
    if (inString) {
      if (c === BACKSLASH) i++
      else if (c === QUOTE) inString = false
      continue
    }
    if (depth === 1) {
      if (c === COMMA || c === CLOSE_BRACKET) {
        if (start >= 0) spans.push(start, i)
        // `[]` is a list; an empty place (`[,1]`, `[1,]`, `[1,,2]`) is not.
        else if (c === COMMA || spans.length > 0) return null
        start = -1
        if (c === COMMA) continue
        for (i++; i < bytes.length; i++) if (!isSpace(bytes[i])) return null
        return spans
      }
      if (isSpace(c)) continue
      if (start < 0) start = i
    }
    if (c === QUOTE) inString = true
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limits.maxDepth || ++containers > limits.maxContainers) return null
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (--depth < 1) return null
    }
  }
  // The list never closes.
  return null
}
