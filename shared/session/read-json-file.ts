import { parseJsonText } from './json-text'
import { DEFAULT_LIMITS, formatBytes, type SessionLimits } from './limits'
import { failed, type Checked } from './problems'

/**
 * Exports name nodes by their ids, and an id may be any string: only `__proto__` (which a plain
 * object cannot hold as its own key) is refused; `constructor` and the like are looked up as own keys.
 */
const EXPORT_FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__'])

/**
 * Decodes one JSON file of an export (a whole `conversations.json` or one shard) under the limits:
 * its size (`maxDecompressedBytes`, since exports arrive unpacked from a zip), UTF-8, nesting and
 * string length. `name` prefixes every problem so a sharded export says which file is wrong.
 */
export function readJsonFile(
  bytes: Uint8Array,
  name: string | null,
  limits: SessionLimits = DEFAULT_LIMITS,
): Checked<unknown> {
  const where = name ?? '(root)'
  if (bytes.length > limits.maxDecompressedBytes) {
    return failed(
      'file-too-large',
      where,
      `the file is ${formatBytes(bytes.length)}, larger than the limit of ${formatBytes(limits.maxDecompressedBytes)}`,
    )
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return failed('file-invalid', where, 'the file is not valid UTF-8 text')
  }
  const json = parseJsonText(text, limits, EXPORT_FORBIDDEN_KEYS)
  if (json.ok || name === null) return json
  return {
    ok: false,
    code: json.code,
    problems: json.problems.map((p) => ({
      path: p.path === '(root)' ? name : `${name}: ${p.path}`,
      message: p.message,
    })),
  }
}
