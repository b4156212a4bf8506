import {
  ZStream,
  Z_BUF_ERROR,
  Z_NO_FLUSH,
  Z_OK,
  Z_STREAM_END,
  zlibInflate,
  zlibInflateEnd,
  zlibInflateInit2,
} from 'pako'

/** What raw deflate data unpacked to: chunks of bytes, or why it could not be unpacked. */
export type InflatedChunk = { ok: true; bytes: Uint8Array } | { ok: false; reason: string }

/** Bytes unpacked per step: the one output buffer every chunk is written into. */
const OUT_BYTES = 1024 * 1024

/**
 * The bytes raw deflate `data` (a zip entry's) unpacks to, a chunk at a time, every chunk written
 * into the same buffer: a chunk is good only until the next is asked for. pako's zlib stream API is
 * used directly (not its `Inflate` class, which makes a new buffer per chunk; nor fflate's streaming
 * inflater, whose output doubles on every push and is copied), so unpacking a 35 MiB file leaves no
 * garbage behind but zlib's one 32 KiB window. Ends after the last chunk, or with one failure.
 */
export function* inflateChunks(data: Uint8Array): Generator<InflatedChunk> {
  const stream = new ZStream()
  // -15: raw deflate (no zlib header), as zip entries are, with the largest window.
  const opened = zlibInflateInit2(stream, -15)
  if (opened !== Z_OK) return yield { ok: false, reason: `the unpacker did not start (${opened})` }
  const out = new Uint8Array(Math.min(OUT_BYTES, Math.max(1024, data.length * 8)))
  stream.input = data
  stream.next_in = 0
  stream.avail_in = data.length
  try {
    for (;;) {
      stream.output = out
      stream.next_out = 0
      stream.avail_out = out.length
      const status = zlibInflate(stream, Z_NO_FLUSH)
      // No progress was possible: all the data was read and its end never came.
      if (status === Z_BUF_ERROR) return yield { ok: false, reason: 'the data ends too early' }
      if (status !== Z_OK && status !== Z_STREAM_END)
        return yield { ok: false, reason: stream.msg || `the data is not deflate (${status})` }
      if (stream.next_out > 0) yield { ok: true, bytes: out.subarray(0, stream.next_out) }
      if (status === Z_STREAM_END) return
    }
  } finally {
    zlibInflateEnd(stream)
  }
}
