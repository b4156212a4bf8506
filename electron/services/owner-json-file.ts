import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import type { ZodType } from 'zod'
import { err, ok, type AppErrorCode, type Result } from '../../shared/errors'
import { check } from '../../shared/validation'

const FILE_MODE = 0o600
const DIR_MODE = 0o700

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/**
 * Reads a small JSON file the Node side keeps for itself and checks it with `schema`. A missing file
 * is `missing`; an unreadable, unparsable or invalid one is an error with `codes`' code and a
 * message naming the file, so a damaged file is reported rather than silently replaced.
 */
export async function readOwnerJson<T>(
  file: string,
  schema: ZodType<T>,
  missing: T,
  codes: { read: AppErrorCode; invalid: AppErrorCode },
): Promise<Result<T>> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (cause) {
    if (cause instanceof Error && 'code' in cause && cause.code === 'ENOENT') return ok(missing)
    return err(codes.read, `Could not read ${file}: ${describe(cause)}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return err(codes.invalid, `${file} is not valid JSON; fix or remove it.`)
  }
  const checked = check(schema, json)
  if (!checked.ok) {
    const { message, path } = checked.error
    return err(codes.invalid, `${file} is invalid: ${message}; fix or remove it.`, path)
  }
  return checked
}

/**
 * Replaces `file` (in `dir`, created 0700 if missing) with `value` as JSON, readable by its owner
 * only (0600), atomically: a temp file, fsync, rename — a crash leaves the old or the new content,
 * never half a file.
 */
export async function writeOwnerJson(
  dir: string,
  file: string,
  value: unknown,
  code: AppErrorCode,
): Promise<Result<void>> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await mkdir(dir, { recursive: true, mode: DIR_MODE })
    const handle = await open(temp, 'wx', FILE_MODE)
    try {
      // The umask may have narrowed or the platform ignored the mode given to open.
      await handle.chmod(FILE_MODE)
      await handle.writeFile(JSON.stringify(value, null, 2), 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, file)
    return ok(undefined)
  } catch (cause) {
    await rm(temp, { force: true }).catch(() => undefined)
    return err(code, `Could not write ${file}: ${describe(cause)}`)
  }
}
