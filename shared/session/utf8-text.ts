/** A strict UTF-8 decoder: the text, or null where the bytes are not UTF-8 (a byte order mark is kept). */
export type Utf8Decode = (bytes: Uint8Array) => string | null

/** Code units gathered before they are turned into a string piece. */
const CHUNK = 8192

/**
 * Where every call gathers its code units. One for the module, not one per call: a 16 KiB buffer
 * per conversation decoded stayed allocated outside V8's heap until a collection freed it, about
 * 20 MiB of a 1,000-conversation import's peak (bench row 9). Decoding is synchronous, so calls
 * never share it.
 */
const UNITS = new Uint16Array(CHUNK + 2)

/** True when `b` is a continuation byte within `[lower, upper]`. */
const within = (b: number | undefined, lower = 0x80, upper = 0xbf): b is number =>
  b !== undefined && b >= lower && b <= upper

/**
 * Decodes UTF-8 as `new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })` does, by the
 * WHATWG decoder's rules: the same text for valid input (a byte order mark is kept as U+FEFF), and
 * null where that decoder throws (an invalid or truncated sequence, an overlong form, an encoded
 * surrogate, a code point past U+10FFFF). Written in JavaScript because in Chromium every
 * `TextDecoder.decode` result is a string whose characters are kept outside V8 until a full
 * collection: an import decoding an export one conversation at a time kept every conversation's
 * text until the import ended (bench row 9).
 * @example decodeUtf8(new Uint8Array([0x68, 0xc3, 0xa9])) // 'hé'
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  const units = UNITS
  const pieces: string[] = []
  let n = 0
  const length = bytes.length
  let i = 0
  while (i < length) {
    const b = bytes[i] as number
    if (b < 0x80) {
      units[n++] = b
      i++
    } else if (b >= 0xc2 && b <= 0xdf) {
      const b1 = bytes[i + 1]
      if (!within(b1)) return null
      units[n++] = ((b & 0x1f) << 6) | (b1 & 0x3f)
      i += 2
    } else if (b >= 0xe0 && b <= 0xef) {
      const b1 = bytes[i + 1]
      const b2 = bytes[i + 2]
      if (!within(b1, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf) || !within(b2))
        return null
      units[n++] = ((b & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f)
      i += 3
    } else if (b >= 0xf0 && b <= 0xf4) {
      const b1 = bytes[i + 1]
      const b2 = bytes[i + 2]
      const b3 = bytes[i + 3]
      if (!within(b1, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf)) return null
      if (!within(b2) || !within(b3)) return null
      const point =
        (((b & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f)) - 0x10000
      units[n++] = 0xd800 | (point >> 10)
      units[n++] = 0xdc00 | (point & 0x3ff)
      i += 4
    } else return null
    if (n >= CHUNK) {
      pieces.push(String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]))
      n = 0
    }
  }
  pieces.push(String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]))
  return pieces.join('')
}
