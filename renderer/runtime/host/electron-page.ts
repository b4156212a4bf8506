import { RUNTIME_CONNECT_MESSAGE, type KeepsakeRuntimeApi } from '../../../shared/preload-api'
import { startRuntime } from '../runtime'
import { electronServices } from '../services/services.electron'

/**
 * Electron entry: the runtime lives in a hidden window that main owns. Main sends one port per UI
 * window through the preload; on quit, main asks for a flush and waits for `flushed()`.
 */
const api = (window as unknown as { keepsake?: KeepsakeRuntimeApi }).keepsake
const runtime = startRuntime(
  electronServices(window.location.origin, () => window.location.reload()),
)

/** One live port per UI window; a reconnect for the same window (it reloaded) replaces the old one. */
const byWindow = new Map<number, () => void>()

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window) return
  const data: unknown = event.data
  const port = event.ports[0]
  if (
    typeof data !== 'object' ||
    data === null ||
    !('type' in data) ||
    data.type !== RUNTIME_CONNECT_MESSAGE ||
    !port
  )
    return
  const windowId = 'windowId' in data && typeof data.windowId === 'number' ? data.windowId : -1
  byWindow.get(windowId)?.()
  byWindow.set(windowId, runtime.connect(port))
})

api?.onFlushRequest(() => {
  void runtime.flush().finally(() => api.flushed())
})
