import { inflateSync, unzipSync } from 'fflate'
import { inflateChunks } from './inflate-chunks'
import { DEFAULT_LIMITS, formatBytes, type SessionLimits } from './limits'
import { failed, passed, type Checked } from './problems'
import type { StreamedFile } from './streamed-file'
import { zipDirectory, type ZipEntry } from './zip-directory'
import { largest } from '../append-all'

/**
 * One file of an import source: its name, size, and its bytes read only when asked for. A zip's
 * files are unpacked into one buffer, so the bytes a read gives are good until the next read of
 * the same zip: use them before reading another file.
 */
export interface SourceFile {
  name: string
  size: number
  read(): Checked<Uint8Array>
  /** The file read as it unpacks, where it can be (a zip's stored or deflated file). */
  streamed?: () => StreamedFile
}

/** From this size, a file is read as it unpacks when it can be (see `streamedOf`). */
const STREAM_FROM = 4 * 1024 * 1024

/**
 * `file` read as it unpacks instead of whole, when it is a zip's file larger than `STREAM_FROM`
 * (ChatGPT and Claude exports: a single `conversations.json` is often tens of megabytes).
 */
export const streamedOf = (file: SourceFile): StreamedFile | undefined =>
  file.size > STREAM_FROM ? file.streamed?.() : undefined

/** Bytes handed over at a time when a stored (not deflated) file is read as it unpacks. */
const STORED_CHUNK = 1024 * 1024

/**
 * The unpacked bytes of a zip's file `entry`, a chunk at a time (`inflateChunks`: one reused
 * buffer), so the file is never held whole; refused, with `where`, when it unpacks to another size
 * than stated. A chunk is good until the next is asked for.
 */
function* unpackedChunks(
  zip: Uint8Array,
  entry: ZipEntry,
  where: string,
): Generator<Checked<Uint8Array>> {
  const data = zip.subarray(entry.start, entry.start + entry.compressedSize)
  const sizes = (more: boolean): Checked<never> =>
    failed(
      'file-invalid',
      where,
      `the file cannot be unpacked (it unpacks to ${more ? 'more' : 'fewer'} bytes than the zip says)`,
    )
  if (entry.method === 0) {
    if (data.length !== entry.size)
      return yield failed('file-invalid', where, 'the file cannot be unpacked (its sizes disagree)')
    for (let at = 0; at < data.length; at += STORED_CHUNK)
      yield passed(data.subarray(at, at + STORED_CHUNK))
    return
  }
  if (entry.size === 0) return
  let total = 0
  for (const chunk of inflateChunks(data)) {
    if (!chunk.ok)
      return yield failed('file-invalid', where, `the file cannot be unpacked (${chunk.reason})`)
    total += chunk.bytes.length
    if (total > entry.size) return yield sizes(true)
    yield passed(chunk.bytes)
  }
  if (total !== entry.size) yield sizes(false)
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

/** True when `bytes` start like a zip archive (a local file header). */
export const isZip = (bytes: Uint8Array): boolean => ZIP_MAGIC.every((b, i) => bytes[i] === b)

/**
 * The files of a zip archive, each inflated only when read, one at a time and into the same
 * buffer, so importing a sharded export holds one shard's text at once and does not leave a
 * shard-sized buffer behind per shard for the collector. `toRead` names the files a caller means
 * to read: the buffer is made large enough for the largest of them at the first read, so reading
 * the next, larger shard does not make another. fflate reads the central directory and inflates;
 * a file whose stated size passes `maxDecompressedBytes` is refused before it is inflated, and one
 * that unpacks to another size than stated is refused.
 */
export function zipFiles(
  zip: Uint8Array,
  zipName: string,
  limits: SessionLimits = DEFAULT_LIMITS,
  toRead: (name: string) => boolean = () => false,
): Checked<SourceFile[]> {
  const listed: { name: string; size: number }[] = []
  try {
    unzipSync(zip, {
      filter: (f) => {
        if (!f.name.endsWith('/')) listed.push({ name: f.name, size: f.originalSize })
        return false
      },
    })
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return failed('file-invalid', zipName, `the zip archive cannot be read (${reason})`)
  }
  const directory = zipDirectory(zip)
  // One buffer for every file inflated from this zip: each read reuses it.
  let buffer = new Uint8Array(0)
  const largestSize = largest(
    listed
      .filter((f) => toRead(f.name) && f.size <= limits.maxDecompressedBytes)
      .map((f) => f.size),
    0,
  )
  const inflated = (entry: ZipEntry): Checked<Uint8Array> => {
    const where = `${zipName}: ${entry.name}`
    const data = zip.subarray(entry.start, entry.start + entry.compressedSize)
    if (entry.method === 0) {
      if (data.length === entry.size) return passed(data)
      return failed('file-invalid', where, 'the file cannot be unpacked (its sizes disagree)')
    }
    if (entry.size === 0) return passed(new Uint8Array(0))
    // One byte more than stated, so a file that unpacks larger than it says is caught.
    if (buffer.length < entry.size + 1)
      buffer = new Uint8Array(Math.max(entry.size, largestSize) + 1)
    try {
      const out = inflateSync(data, { out: buffer.subarray(0, entry.size + 1) })
      if (out.length === entry.size) return passed(out)
      return failed(
        'file-invalid',
        where,
        `the file cannot be unpacked (it unpacks to ${out.length > entry.size ? 'more' : 'fewer'} bytes than the zip says)`,
      )
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e)
      return failed('file-invalid', where, `the file cannot be unpacked (${reason})`)
    }
  }
  // A file whose directory entry agrees with fflate's listing can also be read as it unpacks.
  const streamedFrom = (
    entry: ZipEntry | undefined,
    size: number,
  ): { streamed?: () => StreamedFile } =>
    entry &&
    entry.size === size &&
    size <= limits.maxDecompressedBytes &&
    (entry.method === 0 || entry.method === 8)
      ? {
          streamed: () => ({
            size,
            chunks: () => unpackedChunks(zip, entry, `${zipName}: ${entry.name}`),
            whole: () => inflated(entry),
          }),
        }
      : {}
  return passed(
    listed.map(({ name, size }) => ({
      name,
      size,
      ...streamedFrom(directory?.get(name), size),
      read: (): Checked<Uint8Array> => {
        if (size > limits.maxDecompressedBytes)
          return failed(
            'file-too-large',
            `${zipName}: ${name}`,
            `the file is ${formatBytes(size)} unpacked, larger than the limit of ${formatBytes(limits.maxDecompressedBytes)}`,
          )
        const entry = directory?.get(name)
        // The directory read here agrees with fflate's, or fflate unpacks the file as it always did.
        if (entry && entry.size === size && (entry.method === 0 || entry.method === 8))
          return inflated(entry)
        try {
          const out = unzipSync(zip, { filter: (f) => f.name === name })[name]
          if (out) return passed(out)
          return failed('file-invalid', `${zipName}: ${name}`, 'the file is missing from the zip')
        } catch (e) {
          const reason = e instanceof Error ? e.message : String(e)
          return failed(
            'file-invalid',
            `${zipName}: ${name}`,
            `the file cannot be unpacked (${reason})`,
          )
        }
      },
    })),
  )
}
