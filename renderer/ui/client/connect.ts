import { RUNTIME_PORT_MESSAGE, type KeepsakeUiApi } from '../../../shared/preload-api'
import type { PortLike } from '../../../shared/contract/wire'

/** `window.keepsake` when running in Electron, otherwise null (the browser host). */
export const electronApi = (): KeepsakeUiApi | null =>
  (window as unknown as { keepsake?: KeepsakeUiApi }).keepsake ?? null

/**
 * Opens the port to the runtime. In Electron main sends it through the preload (again after a runtime
 * restart, so `onPort` may fire more than once); in the browser host the runtime is a SharedWorker.
 * Returns, in the browser host, how to open a port to the SharedWorker again (after the runtime
 * closed itself to load under a new CSP); null in Electron, where main sends the new port.
 */
export function connectRuntime(onPort: (port: PortLike) => void): (() => PortLike) | null {
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
    return null
  }
  const open = (): PortLike =>
    new SharedWorker(new URL('../../runtime/host/shared-worker.ts', import.meta.url), {
      type: 'module',
      name: 'keepsake-runtime',
    }).port
  onPort(open())
  return open
}

const sleep = (ms: number): Promise<false> =>
  new Promise((resolve) => setTimeout(() => resolve(false), ms))

/**
 * After the runtime closed itself to load again (a new CSP), connects to its successor: the browser
 * may still hand out the closing worker for a moment, so a port whose runtime does not answer
 * `app.status` within a second is dropped and another opened, for up to about a minute.
 */
export async function reconnectRuntime(
  open: () => PortLike,
  answers: (port: PortLike) => Promise<boolean>,
): Promise<PortLike | null> {
  for (let attempt = 0; attempt < 50; attempt++) {
    await sleep(200)
    const port = open()
    if (await Promise.race([answers(port), sleep(1000)])) return port
  }
  return null
}
