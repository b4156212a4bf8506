import type { Result } from '../../shared/errors'

/**
 * Where a host keeps API keys. Values never leave the Node side: the host API reads them when it
 * calls a provider and only ever tells the runtime whether one is present.
 * Failures are `secret-storage-unavailable` results, never throws.
 */
export interface SecretStore {
  /** The stored value, or `null` when nothing is stored under `name`. */
  get(name: string): Promise<Result<string | null>>
  set(name: string, value: string): Promise<Result<void>>
  /** Removing a name that is not stored succeeds. */
  delete(name: string): Promise<Result<void>>
}
