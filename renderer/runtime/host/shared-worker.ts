import { startRuntime } from '../runtime'
import { browserServices } from '../services/services.browser'

/**
 * Browser host entry: the runtime lives in a SharedWorker, so every tab of the app talks to one
 * runtime and one set of Yjs documents.
 */
interface SharedWorkerScope {
  location: { origin: string }
  onconnect: ((event: MessageEvent) => void) | null
  close(): void
}

const scope = self as unknown as SharedWorkerScope
const runtime = startRuntime(browserServices(scope.location.origin, () => scope.close()))
scope.onconnect = (event) => {
  const port = event.ports[0]
  if (port) runtime.connect(port)
}
