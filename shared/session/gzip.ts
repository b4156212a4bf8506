import { concatBytes } from '../concat-bytes'
import { formatBytes } from './limits'
import { failed, passed, type Checked } from './problems'

/**
 * gzip for one platform: `CompressionStream` in Chromium (`renderer/runtime/files/web-gzip.ts`),
 * zlib in Node (`electron/cli/node-gzip.ts`). shared/ cannot import either, so callers inject one.
 */
export interface Gzip {
  compress(bytes: Uint8Array): Promise<Uint8Array>
  /**
   * Decompresses chunk by chunk. Stopping the iteration early (`break`, `return`) must stop the
   * decompression, so a bomb is refused while it is being inflated, not after.
   */
  decompress(bytes: Uint8Array): AsyncIterable<Uint8Array>
}

/** The gzip header's first two bytes. */
export const GZIP_MAGIC = [0x1f, 0x8b] as const

/** Decompresses `bytes`, refusing as soon as the output passes `maxBytes`. */
export async function gunzipWithin(
  gzip: Gzip,
  bytes: Uint8Array,
  maxBytes: number,
): Promise<Checked<Uint8Array>> {
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for await (const chunk of gzip.decompress(bytes)) {
      total += chunk.length
      if (total > maxBytes) {
        return failed(
          'file-too-large',
          '(root)',
          `decompressed, the file would be larger than the limit of ${formatBytes(maxBytes)}; reading stopped at ${formatBytes(total)}`,
        )
      }
      chunks.push(chunk)
    }
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return failed(
      'file-invalid',
      '(root)',
      `the compressed data is damaged or truncated (${reason})`,
    )
  }
  return passed(concatBytes(chunks, total))
}
