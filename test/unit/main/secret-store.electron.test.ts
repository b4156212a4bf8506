import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '../../../shared/errors'
import {
  checkEncryption,
  createElectronSecretStore,
  type SafeStorageLike,
} from '../../../electron/services/secret-store.electron'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keepsake-secrets-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A stand-in for safeStorage: "encrypts" by XOR so ciphertext never equals the plain text. */
const fakeSafeStorage = (state: {
  available: boolean
  backend: string
  rotate?: boolean
  breakDecrypt?: boolean
}) => {
  const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((b) => b ^ 0x5a))
  let encryptions = 0
  const storage: SafeStorageLike = {
    isAsyncEncryptionAvailable: async () => state.available,
    getSelectedStorageBackend: () => state.backend,
    encryptStringAsync: async (plain) => {
      encryptions += 1
      return xor(Buffer.from(plain, 'utf8'))
    },
    decryptStringAsync: async (cipher) => {
      if (state.breakDecrypt === true) throw new Error('key changed')
      return { shouldReEncrypt: state.rotate === true, result: xor(cipher).toString('utf8') }
    },
  }
  return { storage, encryptions: () => encryptions }
}

describe('checkEncryption', () => {
  it('allows the OS keychain, DPAPI and the Linux keyrings', () => {
    expect(checkEncryption({ available: true, platform: 'darwin', backend: '' })).toEqual(
      ok(undefined),
    )
    expect(checkEncryption({ available: true, platform: 'win32', backend: '' })).toEqual(
      ok(undefined),
    )
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(checkEncryption({ available: true, platform: 'linux', backend })).toEqual(
        ok(undefined),
      )
    }
  })

  it.each([
    { available: false, platform: 'darwin' as const, backend: '' },
    { available: false, platform: 'linux' as const, backend: 'gnome_libsecret' },
    { available: true, platform: 'linux' as const, backend: 'basic_text' },
    { available: true, platform: 'linux' as const, backend: 'unknown' },
  ])('refuses when encryption is unavailable or plain text: %o', (facts) => {
    const result = checkEncryption(facts)
    expect(result).toMatchObject({ ok: false, error: { code: 'secret-storage-unavailable' } })
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(40)
  })
})

describe('createElectronSecretStore', () => {
  it('stores keys encrypted and reads them back', async () => {
    const safe = fakeSafeStorage({ available: true, backend: 'gnome_libsecret' })
    const store = createElectronSecretStore({ safeStorage: safe.storage, platform: 'linux', dir })
    expect(await store.set('provider.openai', 'sk-live-123')).toEqual(ok(undefined))
    expect(await store.get('provider.openai')).toEqual(ok('sk-live-123'))
    expect(await store.get('provider.other')).toEqual(ok(null))
    const onDisk = await readFile(join(dir, 'secrets.json'), 'utf8')
    expect(onDisk).not.toContain('sk-live-123')
    expect(onDisk).toContain('safeStorage:v1:')
  })

  it('refuses to store a key on Linux without a keyring (basic_text)', async () => {
    const safe = fakeSafeStorage({ available: true, backend: 'basic_text' })
    const store = createElectronSecretStore({ safeStorage: safe.storage, platform: 'linux', dir })
    const result = await store.set('provider.openai', 'sk-live-123')
    expect(result).toMatchObject({ ok: false, error: { code: 'secret-storage-unavailable' } })
    expect(safe.encryptions()).toBe(0)
    expect(await store.get('provider.openai')).toEqual(ok(null))
  })

  it('refuses to store a key when safeStorage is unavailable', async () => {
    const safe = fakeSafeStorage({ available: false, backend: '' })
    const store = createElectronSecretStore({ safeStorage: safe.storage, platform: 'darwin', dir })
    const result = await store.set('k', 'v')
    expect(result).toMatchObject({ ok: false, error: { code: 'secret-storage-unavailable' } })
  })

  it('re-encrypts a key when the OS rotated its key', async () => {
    const state = { available: true, backend: '', rotate: false }
    const safe = fakeSafeStorage(state)
    const store = createElectronSecretStore({ safeStorage: safe.storage, platform: 'win32', dir })
    await store.set('k', 'v')
    state.rotate = true
    expect(await store.get('k')).toEqual(ok('v'))
    expect(safe.encryptions()).toBe(2)
  })

  it('reports a key that no longer decrypts instead of pretending it is absent', async () => {
    const state = { available: true, backend: '', breakDecrypt: false }
    const store = createElectronSecretStore({
      safeStorage: fakeSafeStorage(state).storage,
      platform: 'darwin',
      dir,
    })
    await store.set('k', 'v')
    state.breakDecrypt = true
    expect(await store.get('k')).toMatchObject({
      ok: false,
      error: { code: 'secret-storage-unavailable' },
    })
  })

  it('deletes keys even when encryption is unavailable', async () => {
    const state = { available: true, backend: '' }
    const store = createElectronSecretStore({
      safeStorage: fakeSafeStorage(state).storage,
      platform: 'darwin',
      dir,
    })
    await store.set('k', 'v')
    state.available = false
    expect(await store.delete('k')).toEqual(ok(undefined))
    expect(await store.get('k')).toEqual(ok(null))
  })
})
