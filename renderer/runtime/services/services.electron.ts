import { createHostClient } from './host-client'
import type { HostServices } from './services'

/** Host services in Electron: main answers `keepsake://app/api/*` from its protocol handler. */
export function electronServices(origin: string, reload: () => void): HostServices {
  return { host: 'electron', api: createHostClient(origin), restart: reload }
}
