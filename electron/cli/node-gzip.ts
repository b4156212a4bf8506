import { Readable } from 'node:stream'
import { createGunzip, gzip as gzipCallback } from 'node:zlib'
import { promisify } from 'node:util'
import type { Gzip } from '../../shared/session/gzip'

const gzipAsync = promisify(gzipCallback)

/** gzip through Node's zlib. Decompression streams; ending the iteration early destroys the stream. */
export const nodeGzip: Gzip = {
  async compress(bytes) {
    const out = await gzipAsync(bytes)
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
  },
  async *decompress(bytes) {
    const gunzip = Readable.from([bytes]).pipe(createGunzip())
    try {
      for await (const chunk of gunzip) {
        if (!(chunk instanceof Uint8Array)) throw new Error('zlib returned a non-binary chunk')
        yield chunk
      }
    } finally {
      gunzip.destroy()
    }
  },
}
