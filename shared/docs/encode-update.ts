import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/*
 * lib0 writes every string of an update (each record's keys and values) through the platform's
 * TextEncoder.encodeInto. In Chromium each call leaves objects in Blink's heap, and a long string
 * also gets a copy outside V8, until V8's next full collection: encoding 50,000 imported messages
 * left about 66 MiB in Blink's heap and 67 MiB in PartitionAlloc in a worker. The encoder below
 * writes the same bytes with strings encoded to UTF-8 in JavaScript, so the platform is not called.
 */

/** UTF-8 of `s` as TextEncoder gives it: a lone surrogate becomes U+FFFD. */
function writeUtf8(encoder: encoding.Encoder, s: string): void {
  let length = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) length += 1
    else if (c < 0x800) length += 2
    else if (isHighSurrogate(c) && isLowSurrogate(s.charCodeAt(i + 1))) {
      length += 4
      i++
    } else length += 3
  }
  encoding.writeVarUint(encoder, length)
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i)
    if (c < 0x80) {
      encoding.write(encoder, c)
      continue
    }
    if (c < 0x800) {
      encoding.write(encoder, 0xc0 | (c >> 6))
      encoding.write(encoder, 0x80 | (c & 0x3f))
      continue
    }
    if (isHighSurrogate(c) && isLowSurrogate(s.charCodeAt(i + 1))) {
      const point = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00)
      encoding.write(encoder, 0xf0 | (point >> 18))
      encoding.write(encoder, 0x80 | ((point >> 12) & 0x3f))
      encoding.write(encoder, 0x80 | ((point >> 6) & 0x3f))
      encoding.write(encoder, 0x80 | (point & 0x3f))
      continue
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd
    encoding.write(encoder, 0xe0 | (c >> 12))
    encoding.write(encoder, 0x80 | ((c >> 6) & 0x3f))
    encoding.write(encoder, 0x80 | (c & 0x3f))
  }
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff

const MAX_SMALL_INTEGER = 0x7fffffff

/** A value in lib0's "any" format (type byte, then the value), with strings written by `writeUtf8`. */
function writeAny(encoder: encoding.Encoder, value: unknown): void {
  switch (typeof value) {
    case 'string':
      encoding.write(encoder, 119)
      writeUtf8(encoder, value)
      return
    case 'number':
      if (Number.isInteger(value) && Math.abs(value) <= MAX_SMALL_INTEGER) {
        encoding.write(encoder, 125)
        encoding.writeVarInt(encoder, value)
      } else if (Math.fround(value) === value) {
        encoding.write(encoder, 124)
        encoding.writeFloat32(encoder, value)
      } else {
        encoding.write(encoder, 123)
        encoding.writeFloat64(encoder, value)
      }
      return
    case 'bigint':
      encoding.write(encoder, 122)
      encoding.writeBigInt64(encoder, value)
      return
    case 'boolean':
      encoding.write(encoder, value ? 120 : 121)
      return
    case 'object':
      if (value === null) encoding.write(encoder, 126)
      else if (Array.isArray(value)) {
        encoding.write(encoder, 117)
        encoding.writeVarUint(encoder, value.length)
        for (const item of value as unknown[]) writeAny(encoder, item)
      } else if (value instanceof Uint8Array) {
        encoding.write(encoder, 116)
        encoding.writeVarUint8Array(encoder, value)
      } else {
        encoding.write(encoder, 118)
        const keys = Object.keys(value)
        encoding.writeVarUint(encoder, keys.length)
        for (const key of keys) {
          writeUtf8(encoder, key)
          writeAny(encoder, (value as Record<string, unknown>)[key])
        }
      }
      return
    default:
      encoding.write(encoder, 127)
  }
}

/** Yjs's v1 update encoder with every string written by `writeUtf8`. */
class PlainStringEncoder extends Y.UpdateEncoderV1 {
  override writeString(s: string): void {
    writeUtf8(this.restEncoder, s)
  }

  override writeKey(key: string): void {
    writeUtf8(this.restEncoder, key)
  }

  override writeJSON(embed: unknown): void {
    writeUtf8(this.restEncoder, JSON.stringify(embed))
  }

  override writeAny(value: unknown): void {
    writeAny(this.restEncoder, value)
  }
}

/**
 * `Y.encodeStateAsUpdate(doc, stateVector)`, byte for byte, without calling the platform's
 * TextEncoder once per string (see above). A document still waiting for missing updates is
 * encoded by Yjs itself, which merges what it holds pending.
 * @example const update = encodeUpdate(doc, Y.encodeStateVector(remote))
 */
export function encodeUpdate(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null)
    return Y.encodeStateAsUpdate(doc, stateVector)
  return Y.encodeStateAsUpdateV2(doc, stateVector, new PlainStringEncoder())
}
