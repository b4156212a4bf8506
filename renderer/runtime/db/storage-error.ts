import { err, type Result } from '../../../shared/errors'

/** Turns a Dexie/IndexedDB failure into an error value a person can act on. */
export function storageError(e: unknown, action: string): Result<never> {
  const name = e instanceof Error ? e.name : ''
  const inner = e instanceof Error && 'inner' in e && e.inner instanceof Error ? e.inner.name : ''
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return err(
      'storage-quota',
      `Could not ${action}: this device's storage for Keepsake is full. Free some disk space; nothing already saved was lost.`,
    )
  }
  const detail = e instanceof Error ? e.message : String(e)
  return err('storage', `Could not ${action}: ${detail}`)
}
