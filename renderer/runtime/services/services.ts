import type { HostClient } from './host-client'

/**
 * What the runtime needs from its host for privileged work. Sibling files implement it per host:
 * `services.browser.ts` (SharedWorker of the browser host) and `services.electron.ts` (Electron's
 * background runtime window). Both reach the same host API over fetch.
 */
export interface HostServices {
  readonly host: 'browser' | 'electron'
  /** Provider calls, secrets and the LAN relay; keys never leave the host. */
  readonly api: HostClient
  /**
   * Ends this runtime so that it loads again and takes the host's current policy (the CSP, built
   * from the relay allow-list): the SharedWorker closes (windows start a new one), Electron's
   * runtime page reloads (main sends each window a new port). Everything must be settled first.
   */
  restart(): void
}
