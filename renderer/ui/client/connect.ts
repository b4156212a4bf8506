import { RUNTIME_PORT_MESSAGE, type KeepsakeUiApi } from '../../../shared/preload-api'
import type { PortLike } from '../../../shared/contract/wire'

/** `window.keepsake` when running in Electron, otherwise null (the browser host). */
export const electronApi = (): KeepsakeUiApi | null =>
  (window as unknown as { keepsake?: KeepsakeUiApi }).keepsake ?? null

/**
 * Opens the port to the runtime. In Electron main sends it through the preload (again after a runtime
 * restart, so `onPort` may fire more than once); in the browser host the runtime is a SharedWorker.
 */
export function connectRuntime(onPort: (port: PortLike) => void): void {
  if (electronApi()) {
    window.addEventListener('message', (event: MessageEvent) => {
      const data: unknown = event.data
      const port = event.ports[0]
      if (
        typeof data === 'object' &&
        data !== null &&
        'type' in data &&
        data.type === RUNTIME_PORT_MESSAGE &&
        port
      ) {
        onPort(port)
      }
    })
    return
  }
  const worker = new SharedWorker(new URL('../../runtime/host/shared-worker.ts', import.meta.url), {
    type: 'module',
    name: 'keepsake-runtime',
  })
  onPort(worker.port)
}
