/**
 * The offline assistant and its NLP library, loaded on demand: the runtime reaches "ready" without
 * them, starts loading them right after, and the first message waits only if they are still loading.
 */
type OfflineModule = typeof import('./respond')

let loading: Promise<OfflineModule> | null = null

/** Resolves with the offline assistant's module; the import starts once and is shared. */
export function loadOffline(): Promise<OfflineModule> {
  loading ??= import('./respond')
  return loading
}
