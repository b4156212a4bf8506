import { listSpans } from './json-list'
import { streamListElements, type ListPiece } from './json-list-stream'
import { parseJsonText } from './json-text'
import { DEFAULT_LIMITS, formatBytes, type SessionLimits } from './limits'
import { toPlainData } from './plain-data'
import { failed, passed, type Checked, type SessionProblem } from './problems'
import { sizeOf, type ExportBytes } from './streamed-file'
import { decodeUtf8, type Utf8Decode } from './utf8-text'

/**
 * Exports name nodes by their ids, and an id may be any string: only `__proto__` (which a plain
 * object cannot hold as its own key) is refused; `constructor` and the like are looked up as own keys.
 */
const EXPORT_FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__'])

/** `name` before every problem's path, so a sharded export says which file is wrong. */
function inFile<T>(checked: Checked<T>, name: string | null): Checked<T> {
  if (checked.ok || name === null) return checked
  return {
    ok: false,
    code: checked.code,
    problems: checked.problems.map((p) => ({
      path: p.path === '(root)' ? name : `${name}: ${p.path}`,
      message: p.message,
    })),
  }
}

function tooLarge(size: number, name: string | null, limits: SessionLimits): Checked<never> {
  return failed(
    'file-too-large',
    name ?? '(root)',
    `the file is ${formatBytes(size)}, larger than the limit of ${formatBytes(limits.maxDecompressedBytes)}`,
  )
}

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
  if (bytes.length > limits.maxDecompressedBytes) return tooLarge(bytes.length, name, limits)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return failed('file-invalid', name ?? '(root)', 'the file is not valid UTF-8 text')
  }
  return inFile(parseJsonText(text, limits, EXPORT_FORBIDDEN_KEYS), name)
}

/** An export file read as a list, one element at a time; or its value when it is not a list. */
export type JsonListFile =
  { list: true; elements: Iterable<Checked<unknown>> } | { list: false; value: unknown }

/**
 * Reads one JSON file of an export like `readJsonFile`, under the same limits and with the same
 * problems, but a list's elements are decoded, parsed and checked one at a time as `elements` is
 * iterated, so only one conversation's objects are built at once rather than the whole file's.
 * An element that cannot be read on its own ends the iteration with the problems of the whole
 * file (where the JSON breaks, or that it is not UTF-8), or of that element, with its path.
 * Each element is decoded with `decode` (see `utf8-text.ts` for why JavaScript's by default).
 *
 * A file given as a `StreamedFile` is read as it unpacks and taken to be a list (the caller has
 * seen its first byte): its elements are found as the chunks arrive (`streamListElements`) and the
 * file is unpacked whole only to say what is wrong with it.
 */
export function readJsonList(
  bytes: ExportBytes,
  name: string | null,
  limits: SessionLimits = DEFAULT_LIMITS,
  decode: Utf8Decode = decodeUtf8,
): Checked<JsonListFile> {
  if (sizeOf(bytes) > limits.maxDecompressedBytes) return tooLarge(sizeOf(bytes), name, limits)
  if (!(bytes instanceof Uint8Array)) {
    const whole = (): Checked<unknown> => {
      const read = bytes.whole()
      return read.ok ? readJsonFile(read.value, name, limits) : read
    }
    const pieces = streamListElements(bytes.chunks(), limits)
    return passed({ list: true, elements: elementsOf(pieces, whole, name, limits, decode) })
  }
  const spans = listSpans(bytes, limits)
  if (spans !== null) {
    const whole = (): Checked<unknown> => readJsonFile(bytes, name, limits)
    const pieces = spanPieces(bytes, spans)
    return passed({ list: true, elements: elementsOf(pieces, whole, name, limits, decode) })
  }
  const whole = readJsonFile(bytes, name, limits)
  if (!whole.ok) return whole
  const value = whole.value
  return passed(
    Array.isArray(value)
      ? { list: true, elements: value.map((v) => passed(v)) }
      : { list: false, value },
  )
}

function* spanPieces(bytes: Uint8Array, spans: readonly number[]): Generator<ListPiece> {
  for (let k = 0; k + 1 < spans.length; k += 2)
    yield { kind: 'element', bytes: bytes.subarray(spans[k], spans[k + 1]) }
}

function* elementsOf(
  pieces: Iterable<ListPiece>,
  whole: () => Checked<unknown>,
  name: string | null,
  limits: SessionLimits,
  decode: Utf8Decode,
): Generator<Checked<unknown>> {
  let index = 0
  for (const piece of pieces) {
    if (piece.kind === 'unreadable') return yield piece.failure
    let value: unknown
    try {
      if (piece.kind === 'not-a-list') throw new Error('not a list')
      // A byte order mark inside the list is kept, so it is an error as in the whole file's parse.
      const text = decode(piece.bytes)
      if (text === null) throw new Error('not UTF-8')
      value = JSON.parse(text)
    } catch {
      // Reading the whole file says what is wrong and where, as it does for any file.
      const read = whole()
      if (!read.ok) yield read
      else if (!Array.isArray(read.value))
        yield failed('file-invalid', name ?? '(root)', 'expected a list')
      else for (const v of read.value.slice(index)) yield passed(v)
      return
    }
    const plain = toPlainData(value, limits, {
      allowBytes: false,
      forbiddenKeys: EXPORT_FORBIDDEN_KEYS,
    })
    if (!plain.ok) {
      yield inFile({ ...plain, problems: plain.problems.map((p) => atElement(p, index)) }, name)
      return
    }
    index++
    yield plain
  }
}

/** A problem found in element `index` of the list, with the path from the top of the file. */
function atElement(p: SessionProblem, index: number): SessionProblem {
  const path =
    p.path === '(root)'
      ? `[${index}]`
      : p.path.startsWith('[')
        ? `[${index}]${p.path}`
        : `[${index}].${p.path}`
  return { path, message: p.message }
}
