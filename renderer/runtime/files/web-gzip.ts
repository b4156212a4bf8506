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

/** gzip through the Compression Streams API (Chromium, workers, and Node 18+ alike). */
export const webGzip: Gzip = {
  // Each chunk a DecompressionStream reads out is a new array of its own.
  chunksOwned: true,
  compress: (bytes) => collect(streamOf(bytes).pipeThrough(new CompressionStream('gzip'))),
  async *decompress(bytes) {
    const reader = streamOf(bytes).pipeThrough(new DecompressionStream('gzip')).getReader()
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
