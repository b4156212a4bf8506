import { createReadStream, readFileSync } from 'node:fs'
import { open, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Inflate, Unzip, type AsyncFlateStreamHandler, type UnzipDecoder } from 'fflate'
import { isConversationFile } from '../../shared/session/import-source'
import { DEFAULT_LIMITS, formatBytes } from '../../shared/session/limits'
import { failed, passed, type Checked } from '../../shared/session/problems'
import type { SourceFile } from '../../shared/session/zip-files'
import { readInput } from './files'

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

async function startsLikeZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const head = new Uint8Array(4)
    await handle.read(head, 0, 4, 0)
    return ZIP_MAGIC.every((b, i) => head[i] === b)
  } finally {
    await handle.close()
  }
}

const loaded = (name: string, bytes: Uint8Array): SourceFile => ({
  name,
  size: bytes.length,
  read: () => passed(bytes),
})

class TooLarge extends Error {}

/**
 * Hands a zip entry's deflated bytes on as they are, so a conversation file stays compressed while
 * the zip streams past and is inflated only when the import reads it (`inflateEntry`).
 */
class KeepDeflated implements UnzipDecoder {
  static readonly compression = 8
  ondata: AsyncFlateStreamHandler = () => undefined
  push(chunk: Uint8Array, final: boolean): void {
    // fflate may reuse the buffer behind `chunk` for what follows.
    this.ondata(null, chunk.slice(), final)
  }
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    bytes.set(c, at)
    at += c.length
  }
  return bytes
}

/**
 * A zip entry's bytes, inflated (`deflated`) or as stored, refused as soon as they pass the
 * unpacked size limit, so a bomb is stopped while it inflates.
 */
function inflateEntry(
  chunks: readonly Uint8Array[],
  deflated: boolean,
  where: string,
): Checked<Uint8Array> {
  const limit = DEFAULT_LIMITS.maxDecompressedBytes
  const out: Uint8Array[] = []
  let size = 0
  const take = (chunk: Uint8Array): void => {
    size += chunk.length
    if (size > limit) throw new TooLarge()
    out.push(chunk)
  }
  try {
    if (deflated) {
      const inflate = new Inflate(take)
      chunks.forEach((c, i) => inflate.push(c, i === chunks.length - 1))
      if (chunks.length === 0) inflate.push(new Uint8Array(), true)
    } else chunks.forEach(take)
  } catch (e) {
    if (e instanceof TooLarge)
      return failed(
        'file-too-large',
        where,
        `larger than the limit of ${formatBytes(limit)} unpacked`,
      )
    return failed(
      'file-invalid',
      where,
      `cannot be unpacked (${e instanceof Error ? e.message : String(e)})`,
    )
  }
  return passed(concat(out, size))
}

/**
 * A zip streamed from disk: only the export's conversation files are kept, compressed as they are
 * in the zip, and each is inflated when the import reads it (one at a time), so an import holds
 * one unpacked file at once; a ChatGPT zip with years of images can be gigabytes, and the rest are
 * listed by name only.
 */
function streamZip(path: string): Promise<Checked<SourceFile[]>> {
  return new Promise((resolve) => {
    const files: SourceFile[] = []
    const pending: Promise<void>[] = []
    let problem: Checked<never> | null = null
    const unzip = new Unzip((entry) => {
      if (!isConversationFile(entry.name)) {
        files.push({
          name: entry.name,
          size: entry.originalSize ?? 0,
          read: () => passed(new Uint8Array()),
        })
        return
      }
      const where = `${path}: ${entry.name}`
      const deflated = entry.compression === KeepDeflated.compression
      if (!deflated && entry.compression !== 0) {
        problem ??= failed(
          'file-invalid',
          where,
          `cannot be unpacked (compression method ${entry.compression} is not supported)`,
        )
        return
      }
      const chunks: Uint8Array[] = []
      let size = 0
      pending.push(
        new Promise<void>((done) => {
          entry.ondata = (error, chunk, final) => {
            if (error) {
              problem ??= failed('file-invalid', where, `cannot be unpacked (${error.message})`)
              return done()
            }
            size += chunk.length
            chunks.push(chunk)
            if (!final) return
            files.push({
              name: entry.name,
              size: entry.originalSize ?? size,
              read: () => inflateEntry(chunks, deflated, where),
            })
            done()
          }
        }),
      )
      entry.start()
    })
    unzip.register(KeepDeflated)
    const stream = createReadStream(path)
    stream.on('data', (chunk) => {
      try {
        unzip.push(chunk as Uint8Array)
      } catch (e) {
        problem ??= failed(
          'file-invalid',
          path,
          `the zip archive cannot be read (${e instanceof Error ? e.message : String(e)})`,
        )
        stream.destroy()
      }
    })
    const finish = (): void => {
      void Promise.all(pending).then(() => resolve(problem ?? passed(files)))
    }
    stream.on('end', () => {
      try {
        unzip.push(new Uint8Array(), true)
      } catch (e) {
        problem ??= failed(
          'file-invalid',
          path,
          `the zip archive cannot be read (${e instanceof Error ? e.message : String(e)})`,
        )
      }
      finish()
    })
    stream.on('error', (e) => {
      problem ??= failed('file-invalid', path, e.message)
      finish()
    })
    stream.on('close', () => {
      if (problem) finish()
    })
  })
}

/** The export files of a folder (ChatGPT's unpacked export), read only when the import asks. */
async function folderFiles(path: string): Promise<SourceFile[]> {
  const names = (await readdir(path, { withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => e.name)
  const files: SourceFile[] = []
  for (const name of names.sort()) {
    const full = join(path, name)
    const size = (await stat(full)).size
    files.push({ name, size, read: () => passed(new Uint8Array(readFileSync(full))) })
  }
  return files
}

/**
 * What SOURCE holds for an import: a folder's or zip's files (a collection), or one file. Problems
 * (missing, unreadable, too large) come back as values, each naming the path.
 */
export async function readSource(
  path: string,
): Promise<Checked<{ files: SourceFile[]; collection: boolean }>> {
  let info
  try {
    info = await stat(path)
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : ''
    return failed('file-invalid', path, code === 'ENOENT' ? 'no such file or folder' : String(e))
  }
  if (info.isDirectory()) return passed({ files: await folderFiles(path), collection: true })
  if (await startsLikeZip(path)) {
    const files = await streamZip(path)
    return files.ok ? passed({ files: files.value, collection: true }) : files
  }
  const input = await readInput(path, DEFAULT_LIMITS.maxDecompressedBytes)
  if (!input.ok) return failed('file-invalid', input.problem.path, input.problem.message)
  const name = path.replace(/^.*[\\/]/, '')
  return passed({ files: [loaded(name, input.bytes)], collection: false })
}
