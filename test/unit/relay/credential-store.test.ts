import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  createCredentialStore,
  type SharedCredentials,
} from '../../../electron/relay/credential-store'

const dirs: string[] = []
const freshDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-cred-'))
  dirs.push(dir)
  return dir
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

const TOKEN_A = 'a'.repeat(43)
const TOKEN_B = 'b'.repeat(43)

const verdict = async (
  store: ReturnType<typeof createCredentialStore>,
  space: string,
  token: string,
) => {
  const checked = await store.check(space, token)
  if (!checked.ok) throw new Error(checked.error.message)
  return checked.value
}

/** An in-memory stand-in for Redis SET NX / GET. */
const sharedRegistry = (): SharedCredentials & { map: Map<string, string> } => {
  const map = new Map<string, string>()
  return {
    map,
    async registerOrGet(spaceId, hash) {
      if (!map.has(spaceId)) map.set(spaceId, hash)
      return map.get(spaceId) ?? null
    },
    async registered(spaceId) {
      return map.get(spaceId) ?? null
    },
    async retire(spaceId, handover) {
      map.set(`retired:${spaceId}`, '1')
      if (handover !== null) map.set(`handover:${spaceId}`, handover)
    },
    async isRetired(spaceId) {
      return map.has(`retired:${spaceId}`)
    },
    async handoverOf(spaceId) {
      return map.get(`handover:${spaceId}`) ?? null
    },
  }
}

describe('credential store (trust on first use)', () => {
  it('finishes a check under way when closed, then registers nothing more and says why', async () => {
    const root = await freshDir()
    const store = createCredentialStore(root)
    const first = store.check('s1', TOKEN_A)
    await store.close()
    expect(await first).toEqual({ ok: true, value: 'registered' })
    const late = await store.check('s2', TOKEN_B)
    expect(late).toMatchObject({ ok: false, error: { code: 'storage' } })
    if (!late.ok) expect(late.error.message).toMatch(/relay is stopping/)
    const { readdir } = await import('node:fs/promises')
    expect(await readdir(root)).toEqual(['s1'])
  })

  it('registers the first credential, accepts it again, refuses another, per space', async () => {
    const root = await freshDir()
    const store = createCredentialStore(root)
    expect(await verdict(store, 's1', TOKEN_A)).toBe('registered')
    expect(await verdict(store, 's1', TOKEN_A)).toBe('accepted')
    expect(await verdict(store, 's1', TOKEN_B)).toBe('refused')
    expect(await verdict(store, 's2', TOKEN_B)).toBe('registered')
    // Survives a restart; only the hash is on disk.
    expect(await verdict(createCredentialStore(root), 's1', TOKEN_B)).toBe('refused')
    const file = await readFile(join(root, 's1', 'credential.json'), 'utf8')
    expect(file).not.toContain(TOKEN_A)
    expect(JSON.parse(file)).toMatchObject({
      v: 1,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
  })

  it('lets exactly one of two simultaneous first connections register', async () => {
    const root = await freshDir()
    const [one, two] = await Promise.all([
      verdict(createCredentialStore(root), 's1', TOKEN_A),
      verdict(createCredentialStore(root), 's1', TOKEN_B),
    ])
    expect([one, two].sort()).toEqual(['refused', 'registered'])
  })

  it('shares registration between instances through the shared registry', async () => {
    const shared = sharedRegistry()
    const first = createCredentialStore(await freshDir(), shared)
    const second = createCredentialStore(await freshDir(), shared)
    expect(await verdict(first, 's1', TOKEN_A)).toBe('registered')
    expect(await verdict(second, 's1', TOKEN_B)).toBe('refused')
    expect(await verdict(second, 's1', TOKEN_A)).toBe('accepted')
    // A Redis that forgot everything is re-seeded from an instance's own record.
    shared.map.clear()
    expect(await verdict(second, 's1', TOKEN_B)).toBe('refused')
    expect(await verdict(first, 's1', TOKEN_A)).toBe('accepted')
  })

  it('reports a damaged credential file as a storage error', async () => {
    const root = await freshDir()
    await mkdir(join(root, 's1'))
    await writeFile(join(root, 's1', 'credential.json'), '{"v":1')
    const checked = await createCredentialStore(root).check('s1', TOKEN_A)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.error.code).toBe('storage')
  })
})
