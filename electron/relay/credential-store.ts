import { createHash, randomUUID, timingSafeEqual } from 'node:crypto'
import { link, mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { err, ok, type Result } from '../../shared/errors'
import { check } from '../../shared/validation'
import { MAX_HANDOVER_CHARS } from '../../shared/relay-room'
import { syncDirectory, writeFileAtomic } from './durable-file'

/**
 * How a presented credential compares with the one registered for its space; `retired` when the
 * space's secret was changed (see `retire`), whatever was presented.
 */
export type CredentialVerdict = 'registered' | 'accepted' | 'refused' | 'retired'

/**
 * Trust on first use: the first credential presented for a space is registered (as a SHA-256 hash,
 * never the credential itself); later ones must match it.
 */
export interface CredentialStore {
  check(spaceId: string, credential: string): Promise<Result<CredentialVerdict>>
  /**
   * Refuses every credential for the space from now on (its holders changed the secret), keeping
   * `handover` (opaque, for the devices that stay) with it.
   */
  retire(spaceId: string, handover: string | null): Promise<Result<void>>
  /**
   * The handover kept with a retired space, for a holder of its credential only (null otherwise,
   * and when none was left).
   */
  handoverFor(spaceId: string, credential: string): Promise<Result<string | null>>
  /**
   * Waits for the checks under way; afterwards every call is refused (a connection still being
   * authenticated when the relay stops is not admitted, and nothing is written under `root`).
   */
  close(): Promise<void>
}

/**
 * Registration shared by relay instances (Redis in multi-instance mode): `registerOrGet` stores `hash`
 * if the space has none and returns the hash that is registered now.
 */
export interface SharedCredentials {
  registerOrGet(spaceId: string, hash: string): Promise<string | null>
  /** The hash registered for the space, or null (registers nothing). */
  registered(spaceId: string): Promise<string | null>
  retire(spaceId: string, handover: string | null): Promise<void>
  isRetired(spaceId: string): Promise<boolean>
  /** The handover kept with a retired space, or null. */
  handoverOf(spaceId: string): Promise<string | null>
}

const CredentialFile = z.object({
  v: z.literal(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  registeredAt: z.iso.datetime(),
  retiredAt: z.iso.datetime().optional(),
  /** Left by the device that retired the space, for the devices that stay (opaque here). */
  handover: z.string().max(MAX_HANDOVER_CHARS).optional(),
})
type CredentialFile = z.infer<typeof CredentialFile>

const hashOf = (credential: string): string => createHash('sha256').update(credential).digest('hex')

const sameHash = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** Keeps one `credential.json` per space under `root`, optionally backed by `shared` registration. */
export function createCredentialStore(root: string, shared?: SharedCredentials): CredentialStore {
  const fileOf = (spaceId: string): string => join(root, spaceId, 'credential.json')
  const locks = new Map<string, Promise<unknown>>()
  let closed = false

  const readFileOf = async (spaceId: string): Promise<Result<CredentialFile | null>> => {
    let text: string
    try {
      text = await readFile(fileOf(spaceId), 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return ok(null)
      return err('storage', `cannot read the credential of space ${spaceId}: ${describe(e)}`)
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return err('storage', `the credential file of space ${spaceId} is damaged`, fileOf(spaceId))
    }
    return check(CredentialFile, json, fileOf(spaceId))
  }

  const readLocal = async (spaceId: string): Promise<Result<string | null>> => {
    const read = await readFileOf(spaceId)
    return read.ok ? ok(read.value?.sha256 ?? null) : read
  }

  const isRetired = async (spaceId: string): Promise<Result<boolean>> => {
    const read = await readFileOf(spaceId)
    if (!read.ok) return read
    if (read.value?.retiredAt !== undefined) return ok(true)
    if (!shared) return ok(false)
    try {
      return ok(await shared.isRetired(spaceId))
    } catch (e) {
      return err('sync-unreachable', `cannot reach the shared credential registry: ${describe(e)}`)
    }
  }

  const retireNow = async (spaceId: string, handover: string | null): Promise<Result<void>> => {
    const read = await readFileOf(spaceId)
    if (!read.ok) return read
    if (read.value === null) return err('not-found', `space ${spaceId} is not registered here`)
    try {
      if (shared) await shared.retire(spaceId, handover)
      const body = {
        ...read.value,
        retiredAt: new Date().toISOString(),
        ...(handover === null ? {} : { handover }),
      }
      await writeFileAtomic(fileOf(spaceId), new TextEncoder().encode(JSON.stringify(body)))
      await syncDirectory(join(root, spaceId))
      return ok(undefined)
    } catch (e) {
      return err('storage', `cannot retire the credential of space ${spaceId}: ${describe(e)}`)
    }
  }

  /** Creates the file only if absent (a hard link fails on an existing name, even across processes). */
  const registerLocal = async (spaceId: string, hash: string): Promise<Result<string>> => {
    const file = fileOf(spaceId)
    const staged = `${file}.${randomUUID()}.new`
    try {
      await mkdir(join(root, spaceId), { recursive: true, mode: 0o700 })
      const body = { v: 1, sha256: hash, registeredAt: new Date().toISOString() }
      await writeFileAtomic(staged, new TextEncoder().encode(JSON.stringify(body)))
      try {
        await link(staged, file)
        await syncDirectory(join(root, spaceId))
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      } finally {
        await rm(staged, { force: true })
      }
    } catch (e) {
      return err('storage', `cannot register the credential of space ${spaceId}: ${describe(e)}`)
    }
    const now = await readLocal(spaceId)
    if (!now.ok) return now
    return now.value === null
      ? err('storage', `credential of space ${spaceId} vanished`)
      : ok(now.value)
  }

  const verify = async (
    spaceId: string,
    credential: string,
  ): Promise<Result<CredentialVerdict>> => {
    const retired = await isRetired(spaceId)
    if (!retired.ok) return retired
    if (retired.value) return ok('retired')
    const presented = hashOf(credential)
    const local = await readLocal(spaceId)
    if (!local.ok) return local
    let registeredNow = false
    let known = local.value
    if (shared) {
      let remote: string | null
      try {
        remote = await shared.registerOrGet(spaceId, known ?? presented)
      } catch (e) {
        return err(
          'sync-unreachable',
          `cannot reach the shared credential registry: ${describe(e)}`,
        )
      }
      if (remote !== null && known !== null && !sameHash(remote, known)) return ok('refused')
      if (remote !== null && known === null && sameHash(remote, presented)) registeredNow = true
      known = remote ?? known
    }
    if (known === null) {
      const registered = await registerLocal(spaceId, presented)
      if (!registered.ok) return registered
      known = registered.value
      registeredNow = sameHash(known, presented)
    } else if (local.value === null) {
      const stored = await registerLocal(spaceId, known)
      if (!stored.ok) return stored
    }
    if (!sameHash(known, presented)) return ok('refused')
    return ok(registeredNow ? 'registered' : 'accepted')
  }

  // One operation per space at a time, so two first connections cannot both "register".
  const exclusive = <T>(spaceId: string, task: () => Promise<Result<T>>): Promise<Result<T>> => {
    if (closed) {
      return Promise.resolve(
        err('storage', `the relay is stopping; space ${spaceId} was not checked`),
      )
    }
    const run = (locks.get(spaceId) ?? Promise.resolve()).then(task)
    locks.set(
      spaceId,
      run.catch(() => undefined),
    )
    return run
  }

  const handoverOf = async (
    spaceId: string,
    credential: string,
  ): Promise<Result<string | null>> => {
    const read = await readFileOf(spaceId)
    if (!read.ok) return read
    try {
      const registered = read.value?.sha256 ?? (shared ? await shared.registered(spaceId) : null)
      if (registered === null || !sameHash(registered, hashOf(credential))) return ok(null)
      if (read.value?.handover !== undefined) return ok(read.value.handover)
      return ok(shared ? await shared.handoverOf(spaceId) : null)
    } catch (e) {
      return err('sync-unreachable', `cannot reach the shared credential registry: ${describe(e)}`)
    }
  }

  return {
    check: (spaceId, credential) => exclusive(spaceId, () => verify(spaceId, credential)),
    retire: (spaceId, handover) => exclusive(spaceId, () => retireNow(spaceId, handover)),
    handoverFor: (spaceId, credential) => exclusive(spaceId, () => handoverOf(spaceId, credential)),
    close: async () => {
      closed = true
      await Promise.all(locks.values())
    },
  }
}
