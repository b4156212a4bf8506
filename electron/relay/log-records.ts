import { crc32 } from 'node:zlib'

/** Bytes before each record's payload: length (u32 BE) then CRC-32 of the payload (u32 BE). */
const HEADER_BYTES = 8

/** Frames one update for the append-only log, so a torn or damaged tail can be recognised on load. */
export function encodeRecord(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(HEADER_BYTES + payload.byteLength)
  const view = new DataView(out.buffer)
  view.setUint32(0, payload.byteLength)
  view.setUint32(4, crc32(payload))
  out.set(payload, HEADER_BYTES)
  return out
}

/** The intact records of a log, and where the first damaged byte is (`goodBytes === data.length` if none). */
export interface DecodedLog {
  records: Uint8Array[]
  goodBytes: number
}

/** Reads records until the end or the first one that is incomplete or fails its checksum. */
export function decodeRecords(data: Uint8Array): DecodedLog {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const records: Uint8Array[] = []
  let offset = 0
  while (offset + HEADER_BYTES <= data.byteLength) {
    const length = view.getUint32(offset)
    const checksum = view.getUint32(offset + 4)
    const end = offset + HEADER_BYTES + length
    if (end > data.byteLength) break
    const payload = data.subarray(offset + HEADER_BYTES, end)
    if (crc32(payload) !== checksum) break
    records.push(payload)
    offset = end
  }
  return { records, goodBytes: offset }
}
