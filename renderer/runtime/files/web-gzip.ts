import { concatBytes } from '../../../shared/concat-bytes'
import type { Gzip } from '../../../shared/session/gzip'

/** Reads a stream to the end as one byte array. */
async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    total += value.length
  }
  return concatBytes(chunks, total)
}

// The Compression Streams typings want ArrayBuffer-backed views; file bytes always are.
const streamOf = (bytes: Uint8Array): ReadableStream<Uint8Array<ArrayBuffer>> =>
  new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      controller.enqueue(bytes as Uint8Array<ArrayBuffer>)
      controller.close()
    },
  })

/** How much compressed input a DecompressionStream is given at a time. */
const INFLATE_PIECE = 64 * 1024

/**
 * `bytes` as a stream of pieces given one at a time as the reader asks. Given whole, a
 * DecompressionStream inflates all of it at once into chunks queued ahead of the reader: a 53 MB
 * file's chunks all held together, besides the buffer they are copied into.
 */
const piecesOf = (bytes: Uint8Array): ReadableStream<Uint8Array<ArrayBuffer>> => {
  let at = 0
  return new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      pull(controller) {
        if (at >= bytes.length) return controller.close()
        controller.enqueue(bytes.subarray(at, at + INFLATE_PIECE) as Uint8Array<ArrayBuffer>)
        at += INFLATE_PIECE
      },
    },
    { highWaterMark: 0 },
  )
}

/** gzip through the Compression Streams API (Chromium, workers, and Node 18+ alike). */
export const webGzip: Gzip = {
  // Each chunk a DecompressionStream reads out is a new array of its own.
  chunksOwned: true,
  compress: (bytes) => collect(streamOf(bytes).pipeThrough(new CompressionStream('gzip'))),
  async *decompress(bytes) {
    const reader = piecesOf(bytes).pipeThrough(new DecompressionStream('gzip')).getReader()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        yield value
      }
    } finally {
      // Stops inflating when the reader of this iterator stops early (a size limit was passed).
      await reader.cancel().catch(() => undefined)
    }
  },
}
