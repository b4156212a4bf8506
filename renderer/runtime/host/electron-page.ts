import { RUNTIME_CONNECT_MESSAGE, type KeepsakeRuntimeApi } from '../../../shared/preload-api'
import { startRuntime } from '../runtime'
import { electronServices } from '../services/services.electron'

/**
 * Electron entry: the runtime lives in a hidden window that main owns. Main sends one port per UI
 * window through the preload; on quit, main asks for a flush and waits for `flushed()`.
 */
const api = (window as unknown as { keepsake?: KeepsakeRuntimeApi }).keepsake
const runtime = startRuntime(electronServices(window.location.origin))

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window) return
  const data: unknown = event.data
  const isConnect =
    typeof data === 'object' && data !== null && 'type' in data && data.type === RUNTIME_CONNECT_MESSAGE
  const port = event.ports[0]
  if (isConnect && port) runtime.connect(port)
})

api?.onFlushRequest(() => {
  void runtime.flush().finally(() => api.flushed())
})
