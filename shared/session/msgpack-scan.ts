import { failed, passed, type Checked } from './problems'

type Frame = { left: number; map: boolean; keyNext: boolean }

/** What one msgpack value's head says: bytes to skip (head included) and how many values it contains. */
type Head = { size: number; children: number; map: boolean; str: boolean; ext: boolean }

const scalar = (size: number): Head => ({ size, children: -1, map: false, str: false, ext: false })

/** What a scan found besides the structure passing: whether any map key is one of `forbiddenKeys`. */
export interface MsgpackScan {
  forbiddenKey: boolean
}

/**
 * Walks the structure of a msgpack document without building it, so nothing is allocated or
 * recursed before it passes: exactly one value that uses every byte, nesting within `maxDepth`, at
 * most `maxContainers` maps and arrays, string map keys only, no extension types (they would decode to
 * dates, sets, class instances). Says whether a map key is one of `forbiddenKeys` (compared byte for
 * byte, nothing decoded), so a caller can decode keys as object properties only when none is.
 */
export function scanMsgpack(
  bytes: Uint8Array,
  maxDepth: number,
  maxContainers: number,
  forbiddenKeys: ReadonlySet<string> = new Set(),
): Checked<MsgpackScan> {
  const forbidden = [...forbiddenKeys].map((k) => new TextEncoder().encode(k))
  const isForbidden = (at: number, length: number): boolean =>
    forbidden.some((k) => k.length === length && k.every((b, i) => bytes[at + i] === b))
  let forbiddenKey = false
  let containers = 0
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = bytes.length
  const frames: Frame[] = []
  let pos = 0
  const bad = (message: string): Checked<never> => failed('file-invalid', '(root)', message)
  const truncated = (): Checked<never> =>
    bad('the msgpack data ends too early; the file looks truncated')
  const lengthAt = (at: number, width: 1 | 2 | 4): number | null => {
    if (at + width > end) return null
    return width === 1 ? view.getUint8(at) : width === 2 ? view.getUint16(at) : view.getUint32(at)
  }
  /** A head whose length or count follows the type byte in `width` bytes. */
  const sized = (width: 1 | 2 | 4, make: (n: number) => Head): Head | null => {
    const n = lengthAt(pos + 1, width)
    return n === null ? null : make(n)
  }
  for (;;) {
    if (pos >= end) return truncated()
    const b = bytes[pos] ?? 0
    let head: Head | null
    if (b <= 0x7f || b >= 0xe0 || b === 0xc0 || b === 0xc2 || b === 0xc3) head = scalar(1)
    else if (b <= 0x8f) head = { ...scalar(1), children: (b & 0x0f) * 2, map: true }
    else if (b <= 0x9f) head = { ...scalar(1), children: b & 0x0f }
    else if (b <= 0xbf) head = { ...scalar(1 + (b & 0x1f)), str: true }
    else if (b === 0xc4) head = sized(1, (n) => scalar(2 + n))
    else if (b === 0xc5) head = sized(2, (n) => scalar(3 + n))
    else if (b === 0xc6) head = sized(4, (n) => scalar(5 + n))
    else if ((b >= 0xc7 && b <= 0xc9) || (b >= 0xd4 && b <= 0xd8))
      head = { ...scalar(1), ext: true }
    else if (b === 0xca) head = scalar(5)
    else if (b === 0xcb) head = scalar(9)
    else if (b === 0xcc || b === 0xd0) head = scalar(2)
    else if (b === 0xcd || b === 0xd1) head = scalar(3)
    else if (b === 0xce || b === 0xd2) head = scalar(5)
    else if (b === 0xcf || b === 0xd3) head = scalar(9)
    else if (b === 0xd9) head = sized(1, (n) => ({ ...scalar(2 + n), str: true }))
    else if (b === 0xda) head = sized(2, (n) => ({ ...scalar(3 + n), str: true }))
    else if (b === 0xdb) head = sized(4, (n) => ({ ...scalar(5 + n), str: true }))
    else if (b === 0xdc) head = sized(2, (n) => ({ ...scalar(3), children: n }))
    else if (b === 0xdd) head = sized(4, (n) => ({ ...scalar(5), children: n }))
    else if (b === 0xde) head = sized(2, (n) => ({ ...scalar(3), children: n * 2, map: true }))
    else if (b === 0xdf) head = sized(4, (n) => ({ ...scalar(5), children: n * 2, map: true }))
    else return bad(`byte 0x${b.toString(16)} at offset ${pos} is not valid msgpack`)
    if (head === null) return truncated()
    if (head.ext)
      return bad(`msgpack extension types are not allowed in a session file (at offset ${pos})`)
    const parent = frames[frames.length - 1]
    if (parent?.map && parent.keyNext && !head.str)
      return bad(`a msgpack map key at offset ${pos} is not a string; keys must be strings`)
    if (pos + head.size > end) return truncated()
    if (parent?.map && parent.keyNext && !forbiddenKey) {
      const length = strLength(b, head.size)
      forbiddenKey = isForbidden(pos + head.size - length, length)
    }
    pos += head.size
    if (parent) {
      parent.left--
      if (parent.map) parent.keyNext = !parent.keyNext
    }
    if (head.children >= 0) {
      if (++containers > maxContainers) {
        return bad(
          `the file holds more than ${maxContainers.toLocaleString('en-US')} maps and arrays, the limit (at offset ${pos})`,
        )
      }
      if (frames.length >= maxDepth)
        return bad(`nesting is deeper than the limit of ${maxDepth} levels (at offset ${pos})`)
      if (head.children > 0) frames.push({ left: head.children, map: head.map, keyNext: true })
    }
    while (frames.length > 0 && frames[frames.length - 1]?.left === 0) frames.pop()
    if (frames.length === 0) break
  }
  if (pos !== end)
    return bad(`there is extra data after the end of the msgpack value (at offset ${pos})`)
  return passed({ forbiddenKey })
}

/** The byte length of a string whose head starts with `type` and which takes `size` bytes in all. */
function strLength(type: number, size: number): number {
  const header = type <= 0xbf ? 1 : type === 0xd9 ? 2 : type === 0xda ? 3 : 5
  return size - header
}
