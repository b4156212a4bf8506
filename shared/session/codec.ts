import { Packr, Unpackr } from 'msgpackr'
import { releaseBytes } from '../release-bytes'
import { GZIP_MAGIC, gunzipWithin, type Gzip } from './gzip'
import { parseJsonText } from './json-text'
import { DEFAULT_LIMITS, FORBIDDEN_KEYS, formatBytes, type SessionLimits } from './limits'
import { scanMsgpack } from './msgpack-scan'
import { toPlainData } from './plain-data'
import { failed, passed, type Checked } from './problems'

/** `json`: readable `.keepsake.json`. `msgpack`: compact `.keepsake`, msgpack compressed with gzip. */
export type SessionEncoding = 'json' | 'msgpack'

/** The file name ending of each encoding. */
export const EXTENSIONS: Readonly<Record<SessionEncoding, string>> = {
  json: '.keepsake.json',
  msgpack: '.keepsake',
}

// Plain msgpack only: no records, no shared structures, no extension types. Maps are decoded as
// objects when the scan found no forbidden key (the common case: nothing is built twice), and as
// Map otherwise, so the refusal names the key's path (msgpackr would quietly rename a `__proto__`
// key when building objects).
const packr = new Packr({ useRecords: false, moreTypes: false, structuredClone: false })
const unpackerOptions = {
  useRecords: false,
  moreTypes: false,
  structuredClone: false,
  int64AsType: 'number',
  copyBuffers: true,
} as const
const objectUnpackr = new Unpackr({ ...unpackerOptions, mapsAsObjects: true })
const mapUnpackr = new Unpackr({ ...unpackerOptions, mapsAsObjects: false })

/** A msgpack document holding only nil. */
const MSGPACK_NIL = Uint8Array.of(0xc0)

const UTF8_BOM = [0xef, 0xbb, 0xbf]
const JSON_START = 0x7b // {

/** Which encoding a file is in, from its first bytes. */
export function detectEncoding(bytes: Uint8Array): Checked<SessionEncoding> {
  if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) return passed('msgpack')
  let i = UTF8_BOM.every((b, k) => bytes[k] === b) ? 3 : 0
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] ?? 0)) i++
  if (bytes[i] === JSON_START) return passed('json')
  const head = [...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ')
  return failed(
    'file-invalid',
    '(root)',
    bytes.length === 0
      ? 'the file is empty'
      : `this is not a Keepsake session file: it starts with bytes ${head}, but a session file starts with "{" (JSON) or 1f 8b (gzip-compressed msgpack)`,
  )
}

/**
 * Decodes the bytes of a session file into plain data, under `limits`: the file size is checked
 * first, a `.keepsake` file is decompressed with a running limit, and the structure is checked
 * before it is built. Returns the value (not yet validated as an envelope) and its encoding.
 * `handOver`: the bytes are the decoder's to let go (an import's own copy of the chosen file), so
 * they are released (`releaseBytes`) once decompressed or read as text, not held through validation.
 */
export async function decodeSessionBytes(
  bytes: Uint8Array,
  gzip: Gzip,
  limits: SessionLimits = DEFAULT_LIMITS,
  { handOver = false }: { handOver?: boolean } = {},
): Promise<Checked<{ value: unknown; encoding: SessionEncoding }>> {
  if (bytes.length > limits.maxFileBytes) {
    return failed(
      'file-too-large',
      '(root)',
      `the file is ${formatBytes(bytes.length)}, larger than the limit of ${formatBytes(limits.maxFileBytes)}`,
    )
  }
  const encoding = detectEncoding(bytes)
  if (!encoding.ok) return encoding
  if (encoding.value === 'json') {
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return failed('file-invalid', '(root)', 'the file is not valid UTF-8 text')
    }
    if (handOver) releaseBytes(bytes)
    const value = parseJsonText(text, limits)
    return value.ok ? passed({ value: value.value, encoding: 'json' }) : value
  }
  const inflated = await gunzipWithin(gzip, bytes, limits.maxDecompressedBytes)
  if (!inflated.ok) return inflated
  if (handOver) releaseBytes(bytes)
  const scanned = scanMsgpack(inflated.value, limits.maxDepth, limits.maxContainers, FORBIDDEN_KEYS)
  if (!scanned.ok) return scanned
  const asObjects = !scanned.value.forbiddenKey
  const unpackr = asObjects ? objectUnpackr : mapUnpackr
  let raw: unknown
  try {
    raw = unpackr.unpack(inflated.value)
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return failed('file-invalid', '(root)', `the msgpack data is damaged (${reason})`)
  } finally {
    // msgpackr keeps a view of the last source it read until the next read: without this one-byte
    // read, the whole decompressed file would stay in memory for as long as the import runs.
    unpackr.unpack(MSGPACK_NIL)
    // Decoded with copied byte fields, so nothing points into it: its memory goes back now, not
    // at the next full collection, seconds into the import's validation and writing.
    releaseBytes(inflated.value)
  }
  const value = toPlainData(raw, limits, { allowBytes: true, inPlace: asObjects })
  return value.ok ? passed({ value: value.value, encoding: 'msgpack' }) : value
}

/**
 * Encodes an envelope made by `toEnvelopeValue(data, encoding)` as a session file: pretty JSON,
 * or msgpack compressed with gzip. (For JSON, `toEnvelopeValue` has already turned byte arrays
 * into base64 strings.)
 */
export async function encodeSessionValue(
  value: Record<string, unknown>,
  encoding: SessionEncoding,
  gzip: Gzip,
): Promise<Uint8Array> {
  if (encoding === 'json') return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`)
  return gzip.compress(packr.pack(value))
}
