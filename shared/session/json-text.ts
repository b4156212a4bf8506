import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from './json-bytes'
import type { SessionLimits } from './limits'
import { toPlainData } from './plain-data'
import { failed, type Checked } from './problems'

/**
 * What is wrong with the shape of JSON text, found without parsing (so a parser never recurses that
 * deep or builds that many objects): nesting past `maxDepth` or more than `maxContainers` objects and
 * arrays. Null when neither.
 */
export function structureProblem(
  text: string,
  limits: Pick<SessionLimits, 'maxDepth' | 'maxContainers'>,
): string | null {
  let depth = 0
  let containers = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === BACKSLASH) i++
      else if (c === QUOTE) inString = false
    } else if (c === QUOTE) inString = true
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limits.maxDepth) {
        return `nesting is deeper than the limit of ${limits.maxDepth} levels (at character ${i})`
      }
      if (++containers > limits.maxContainers) {
        return `the file holds more than ${limits.maxContainers.toLocaleString('en-US')} objects and arrays, the limit (at character ${i})`
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--
  }
  return null
}

/**
 * Parses untrusted JSON text: refuses nesting and object counts past the limits before parsing, then checks the result
 * is plain data with no forbidden keys and no over-long strings (see `toPlainData`).
 * @example parseJsonText('{"a":1}', DEFAULT_LIMITS) // { ok: true, value: { a: 1 } }
 */
export function parseJsonText(
  text: string,
  limits: Pick<SessionLimits, 'maxDepth' | 'maxStringLength' | 'maxContainers'>,
  forbiddenKeys?: ReadonlySet<string>,
): Checked<unknown> {
  const shape = structureProblem(text, limits)
  if (shape !== null) return failed('file-invalid', '(root)', shape)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    const at = /at position (\d+)/.exec(reason)
    const truncated =
      /end of (JSON )?input|Unterminated/i.test(reason) ||
      (at !== null && Number(at[1]) >= text.trimEnd().length)
    return failed(
      'file-invalid',
      '(root)',
      truncated
        ? `the JSON ends too early; the file looks truncated (${reason})`
        : `not valid JSON (${reason})`,
    )
  }
  return toPlainData(value, limits, { allowBytes: false, forbiddenKeys })
}
