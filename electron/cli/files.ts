import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { formatBytes, MAX_FILE_BYTES } from '../../shared/session/limits'
import type { SessionProblem } from '../../shared/session/problems'

/**
 * Reads an input file, checking its size before reading it. Problems (missing, a directory, too
 * large) are returned as values for the command to print.
 */
export async function readInput(
  path: string,
  maxBytes: number = MAX_FILE_BYTES,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; problem: SessionProblem }> {
  try {
    const info = await stat(path)
    if (!info.isFile()) return { ok: false, problem: { path, message: 'not a file' } }
    if (info.size > maxBytes) {
      return {
        ok: false,
        problem: {
          path,
          message: `the file is ${formatBytes(info.size)}, larger than the limit of ${formatBytes(maxBytes)}`,
        },
      }
    }
    const data = await readFile(path)
    return { ok: true, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : ''
    const message = code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e)
    return { ok: false, problem: { path, message } }
  }
}

/**
 * Whether `path` already holds something a write would replace; a command refuses then unless told
 * `--force`, so a mistyped --out never destroys a file.
 */
export async function outputExists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

/** Writes a file whole or not at all: a temporary file beside it, renamed over it. */
export async function writeOutput(path: string, bytes: Uint8Array | string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.partial`
  try {
    await writeFile(temp, bytes)
    await rename(temp, path)
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined)
    throw e
  }
}
