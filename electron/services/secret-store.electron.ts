import { err, ok, type Result } from '../../shared/errors'
import type { SecretStore } from './secret-store'
import { createFileSecretStore } from './secret-store.file'

/** The parts of Electron's `safeStorage` used here (its async, non-deprecated API). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>
  /** Linux only: which key store backs the encryption key; `basic_text` means none. */
  getSelectedStorageBackend(): string
  encryptStringAsync(plainText: string): Promise<Buffer>
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>
}

/** What decides whether a key may be stored. */
export interface EncryptionFacts {
  available: boolean
  platform: NodeJS.Platform
  /** `safeStorage.getSelectedStorageBackend()`; only read on Linux. */
  backend: string
}

const PREFIX = 'safeStorage:v1:'

/**
 * Whether keys may be stored: encryption must be available and, on Linux, backed by a real key
 * store. Linux's `basic_text` backend encrypts with a key written next to the data, so it is
 * refused like no encryption at all (`unknown` means the app is not ready, also refused).
 */
export function checkEncryption(facts: EncryptionFacts): Result<void> {
  if (!facts.available) {
    return err(
      'secret-storage-unavailable',
      'This system offers no encrypted storage, so Keepsake will not store API keys. On Linux, start a keyring (GNOME Keyring or KWallet) and restart Keepsake.',
    )
  }
  if (
    facts.platform === 'linux' &&
    (facts.backend === 'basic_text' || facts.backend === 'unknown')
  ) {
    return err(
      'secret-storage-unavailable',
      'No keyring was found on this Linux desktop, and Keepsake will not keep API keys in plain text. Start GNOME Keyring or KWallet (or launch with --password-store=gnome-libsecret) and restart Keepsake.',
    )
  }
  return ok(undefined)
}

export interface ElectronSecretStoreOptions {
  safeStorage: SafeStorageLike
  platform: NodeJS.Platform
  /** Directory of the encrypted file, under `app.getPath('userData')`. */
  dir: string
}

/**
 * Electron's secret store: values are encrypted with `safeStorage` (the OS keychain, DPAPI, or the
 * Linux keyring) and the ciphertext kept, base64, in a 0600 file in `dir` written atomically.
 * `set` and reading a stored value are refused with `secret-storage-unavailable` when
 * `checkEncryption` refuses; `delete` always works.
 */
export function createElectronSecretStore(options: ElectronSecretStoreOptions): SecretStore {
  const { safeStorage, platform } = options
  const file = createFileSecretStore(options.dir)

  const usable = async (): Promise<Result<void>> => {
    let available: boolean
    try {
      available = await safeStorage.isAsyncEncryptionAvailable()
    } catch (cause) {
      return failed('Encrypted storage could not be checked', cause)
    }
    const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : ''
    return checkEncryption({ available, platform, backend })
  }

  const encrypt = async (value: string): Promise<Result<string>> => {
    try {
      const cipher = await safeStorage.encryptStringAsync(value)
      return ok(PREFIX + cipher.toString('base64'))
    } catch (cause) {
      return failed('The key could not be encrypted', cause)
    }
  }

  return {
    async get(name) {
      const stored = await file.get(name)
      if (!stored.ok || stored.value === null) return stored
      const allowed = await usable()
      if (!allowed.ok) return allowed
      if (!stored.value.startsWith(PREFIX)) {
        return err(
          'secret-storage-unavailable',
          `The stored key "${name}" is not encrypted; enter it again.`,
        )
      }
      let plain: { shouldReEncrypt: boolean; result: string }
      try {
        plain = await safeStorage.decryptStringAsync(
          Buffer.from(stored.value.slice(PREFIX.length), 'base64'),
        )
      } catch (cause) {
        return failed(
          `The stored key "${name}" could not be decrypted on this machine; enter it again`,
          cause,
        )
      }
      if (plain.shouldReEncrypt) {
        // The OS rotated its key. The old ciphertext still decrypts, so a failed rewrite loses nothing.
        const again = await encrypt(plain.result)
        if (again.ok) await file.set(name, again.value)
      }
      return ok(plain.result)
    },

    async set(name, value) {
      const allowed = await usable()
      if (!allowed.ok) return allowed
      const cipher = await encrypt(value)
      if (!cipher.ok) return cipher
      return file.set(name, cipher.value)
    },

    delete(name) {
      return file.delete(name)
    },
  }
}

function failed(what: string, cause: unknown): Result<never> {
  const reason = cause instanceof Error ? cause.message : String(cause)
  return err('secret-storage-unavailable', `${what}: ${reason}`)
}
