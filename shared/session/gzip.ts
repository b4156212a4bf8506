import { concatBytes } from '../concat-bytes'
import { releaseBytes } from '../release-bytes'
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
  /**
   * True when every chunk `decompress` yields belongs to its reader alone (nothing keeps or reuses
   * it), so a reader done with a chunk may release it (`releaseBytes`) instead of leaving it for a
   * full collection.
   */
  readonly chunksOwned?: boolean
}

/** The gzip header's first two bytes. */
export const GZIP_MAGIC = [0x1f, 0x8b] as const

/** Deflate's largest possible expansion: an honest trailer never claims more than this many times the input. */
const MAX_DEFLATE_RATIO = 1032

/**
 * The size the gzip trailer says the data has (ISIZE: the last four bytes, little-endian, modulo
 * 2^32), when it is plausible and within `maxBytes`; null otherwise. Only a hint: a file can lie.
 */
function claimedSize(bytes: Uint8Array, maxBytes: number): number | null {
  if (bytes.length < 18) return null
  const end = bytes.length
  const size =
    ((bytes[end - 4] ?? 0) |
      ((bytes[end - 3] ?? 0) << 8) |
      ((bytes[end - 2] ?? 0) << 16) |
      ((bytes[end - 1] ?? 0) << 24)) >>>
    0
  return size > 0 && size <= maxBytes && size <= bytes.length * MAX_DEFLATE_RATIO ? size : null
}

/**
 * Decompresses `bytes`, refusing as soon as the output passes `maxBytes`. When the trailer's size
 * is plausible, chunks are written straight into one buffer of that size, so the output is not
 * held twice (chunks, then their copy); otherwise, or when the data turns out longer than claimed,
 * chunks are gathered and joined at the end. Chunks a `Gzip` says are owned are released once
 * copied. The result is the caller's alone (usually a whole buffer of its own, which the caller
 * may release once decoded).
 */
export async function gunzipWithin(
  gzip: Gzip,
  bytes: Uint8Array,
  maxBytes: number,
): Promise<Checked<Uint8Array>> {
  const claimed = claimedSize(bytes, maxBytes)
  let direct: Uint8Array | null = claimed === null ? null : new Uint8Array(claimed)
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for await (const chunk of gzip.decompress(bytes)) {
      if (total + chunk.length > maxBytes) {
        return failed(
          'file-too-large',
          '(root)',
          `decompressed, the file would be larger than the limit of ${formatBytes(maxBytes)}; reading stopped at ${formatBytes(total + chunk.length)}`,
        )
      }
      if (direct !== null && total + chunk.length > direct.length) {
        chunks.push(direct.subarray(0, total))
        direct = null
      }
      const length = chunk.length
      if (direct !== null) {
        direct.set(chunk, total)
        // Copied: freed now, not at the next full collection (a 53 MB file's chunks, all at once).
        if (gzip.chunksOwned) releaseBytes(chunk)
      } else chunks.push(chunk)
      total += length
    }
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return failed(
      'file-invalid',
      '(root)',
      `the compressed data is damaged or truncated (${reason})`,
    )
  }
  if (direct !== null) {
    if (total === direct.length) return passed(direct)
    const shorter = direct.slice(0, total)
    releaseBytes(direct)
    return passed(shorter)
  }
  // The result is the caller's alone: one chunk a gzip may still hold is copied, not handed on.
  if (chunks.length === 1 && !gzip.chunksOwned) return passed(new Uint8Array(chunks[0] ?? []))
  const joined = concatBytes(chunks, total)
  if (gzip.chunksOwned && chunks.length > 1) for (const chunk of chunks) releaseBytes(chunk)
  return passed(joined)
}
