import { join } from 'node:path'
import { z } from 'zod'
import { err, ok, type AppError, type Result } from '../../shared/errors'
import { serialQueue } from '../../shared/serial-queue'
import { readOwnerJson, writeOwnerJson } from './owner-json-file'
import { RelayOrigin, relayOriginOf } from './relay-origin'

/** The file's name inside the host's data directory. */
export const RELAY_ALLOW_LIST_FILE = 'relays.json'

/** The most relay origins one profile keeps; a person pairs with a handful. */
export const MAX_ALLOWED_RELAYS = 64

const AllowFile = z.object({
  v: z.literal(1),
  origins: z.array(RelayOrigin).max(MAX_ALLOWED_RELAYS),
})

/**
 * The relays this profile paired with, kept by the Node side: the app's CSP lets the runtime open
 * sockets to these origins only. Filled by pairing and joining, emptied by unpairing (through the
 * host API); read on every page the host serves.
 */
export interface RelayAllowList {
  /** The allowed origins, in the order they were added. */
  origins(): readonly RelayOrigin[]
  /**
   * Adds the origin of `relayUrl` and stores the list (0600, replaced atomically). `added` is false
   * when it was already allowed. Refuses what is not a ws(s) relay URL, and a list at its limit.
   */
  allow(relayUrl: string): Promise<Result<{ added: boolean }>>
  /**
   * Removes the origin of `relayUrl` (the profile unpaired from it) and stores the list; `removed` is
   * false when it was not allowed. The CSP narrows from the next page load.
   */
  forget(relayUrl: string): Promise<Result<{ removed: boolean }>>
}

/**
 * Opens the allow-list kept in `dir`. A missing file is an empty list. A file that fails validation
 * is reported in `problem` (the host says so in one line), treated as empty and never overwritten:
 * `allow` then refuses with the same message until the file is fixed or removed.
 * @example const { list, problem } = await openRelayAllowList(dataDir)
 */
export async function openRelayAllowList(
  dir: string,
): Promise<{ list: RelayAllowList; problem: AppError | null }> {
  const file = join(dir, RELAY_ALLOW_LIST_FILE)
  const serialize = serialQueue()
  const loaded = await readList(file)
  let origins: RelayOrigin[] = loaded.ok ? loaded.value : []
  const problem = loaded.ok ? null : loaded.error

  const list: RelayAllowList = {
    origins: () => origins,
    allow: (relayUrl) =>
      serialize(async () => {
        if (problem) return err(problem.code, problem.message, problem.path)
        const origin = relayOriginOf(relayUrl)
        if (!origin.ok) return origin
        if (origins.includes(origin.value)) return ok({ added: false })
        if (origins.length >= MAX_ALLOWED_RELAYS) {
          return err(
            'validation',
            `This profile already allows ${MAX_ALLOWED_RELAYS} relays; remove some from ${file} first.`,
            'relayUrl',
          )
        }
        const next = [...origins, origin.value]
        const written = await writeOwnerJson(dir, file, { v: 1, origins: next }, 'storage')
        if (!written.ok) return written
        origins = next
        return ok({ added: true })
      }),
    forget: (relayUrl) =>
      serialize(async () => {
        if (problem) return err(problem.code, problem.message, problem.path)
        const origin = relayOriginOf(relayUrl)
        if (!origin.ok) return origin
        if (!origins.includes(origin.value)) return ok({ removed: false })
        const next = origins.filter((o) => o !== origin.value)
        const written = await writeOwnerJson(dir, file, { v: 1, origins: next }, 'storage')
        if (!written.ok) return written
        origins = next
        return ok({ removed: true })
      }),
  }
  return { list, problem }
}

const readList = async (file: string): Promise<Result<RelayOrigin[]>> => {
  const read = await readOwnerJson(
    file,
    AllowFile,
    { v: 1, origins: [] },
    {
      read: 'storage',
      invalid: 'validation',
    },
  )
  return read.ok ? ok(read.value.origins) : read
}
