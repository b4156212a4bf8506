import { createHostClient } from './host-client'
import type { HostServices } from './services'

/** Host services of the browser host: its loopback server answers `/api/*` on the page's own origin. */
export function browserServices(origin: string, close: () => void): HostServices {
  return { host: 'browser', api: createHostClient(origin), restart: close }
}
