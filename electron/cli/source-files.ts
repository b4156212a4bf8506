import { createReadStream, readFileSync } from 'node:fs'
import { open, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Unzip, UnzipInflate } from 'fflate'
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

/**
 * A zip streamed from disk: only the export's conversation files are inflated (a ChatGPT zip with
 * years of images can be gigabytes); the rest are listed by name only.
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
      const chunks: Uint8Array[] = []
      let size = 0
      pending.push(
        new Promise<void>((done) => {
          entry.ondata = (error, chunk, final) => {
            if (error) {
              problem ??= failed(
                'file-invalid',
                `${path}: ${entry.name}`,
                `cannot be unpacked (${error.message})`,
              )
              return done()
            }
            size += chunk.length
            if (size > DEFAULT_LIMITS.maxDecompressedBytes) {
              problem ??= failed(
                'file-too-large',
                `${path}: ${entry.name}`,
                `larger than the limit of ${formatBytes(DEFAULT_LIMITS.maxDecompressedBytes)} unpacked`,
              )
              entry.terminate()
              return done()
            }
            chunks.push(chunk)
            if (!final) return
            const bytes = new Uint8Array(size)
            let at = 0
            for (const c of chunks) {
              bytes.set(c, at)
              at += c.length
            }
            files.push(loaded(entry.name, bytes))
            done()
          }
        }),
      )
      entry.start()
    })
    unzip.register(UnzipInflate)
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
