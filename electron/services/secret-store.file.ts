import { chmod, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { err, ok, type Result } from '../../shared/errors'
import { readOwnerJson, writeOwnerJson } from './owner-json-file'
import type { SecretStore } from './secret-store'
import { serialQueue } from '../../shared/serial-queue'

/** The file's name inside the store's directory. */
export const SECRET_FILE_NAME = 'secrets.json'

const FILE_MODE = 0o600

const SecretFile = z.object({
  version: z.literal(1),
  secrets: z.record(z.string(), z.string()),
})
type SecretFile = z.infer<typeof SecretFile>

const EMPTY: SecretFile = { version: 1, secrets: {} }

/**
 * The browser host's secret store: one JSON file readable by its owner only (mode 0600, fixed on
 * every access if something loosened it), replaced atomically (temp file, fsync, rename) so a crash
 * leaves either the old or the new keys, never half a file. A file that fails validation is
 * reported, never overwritten.
 */
export function createFileSecretStore(dir: string): SecretStore {
  const file = join(dir, SECRET_FILE_NAME)
  // Writes are read-modify-write; one at a time so concurrent sets never lose each other.
  const serialize = serialQueue()

  const read = async (): Promise<Result<SecretFile>> => {
    try {
      await tightenMode(file)
    } catch (cause) {
      if (!isMissing(cause)) return unavailable(`Could not read ${file}`, cause)
    }
    return readOwnerJson(file, SecretFile, EMPTY, {
      read: 'secret-storage-unavailable',
      invalid: 'secret-storage-unavailable',
    })
  }

  const write = (content: SecretFile): Promise<Result<void>> =>
    writeOwnerJson(dir, file, content, 'secret-storage-unavailable')

  const update = (change: (secrets: Record<string, string>) => boolean): Promise<Result<void>> =>
    serialize(async () => {
      const current = await read()
      if (!current.ok) return current
      const secrets = { ...current.value.secrets }
      if (!change(secrets)) return ok(undefined)
      return write({ version: 1, secrets })
    })

  return {
    async get(name) {
      const current = await serialize(read)
      if (!current.ok) return current
      return ok(
        Object.hasOwn(current.value.secrets, name) ? (current.value.secrets[name] ?? null) : null,
      )
    },
    set(name, value) {
      return update((secrets) => {
        secrets[name] = value
        return true
      })
    },
    delete(name) {
      return update((secrets) => {
        if (!Object.hasOwn(secrets, name)) return false
        delete secrets[name]
        return true
      })
    },
  }
}

async function tightenMode(file: string): Promise<void> {
  const info = await stat(file)
  if ((info.mode & 0o777) !== FILE_MODE) await chmod(file, FILE_MODE)
}

function isMissing(cause: unknown): boolean {
  return cause instanceof Error && 'code' in cause && cause.code === 'ENOENT'
}

function unavailable(what: string, cause: unknown): Result<never> {
  const reason = cause instanceof Error ? cause.message : String(cause)
  return err('secret-storage-unavailable', `${what}: ${reason}`)
}
