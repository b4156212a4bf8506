import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createRuntimeClient } from '../../shared/contract/client'
import { connectRuntime, reconnectRuntime } from './client/connect'
import type { PortLike } from '../../shared/contract/wire'
import { attach } from './state/actions'
import { App } from './components/app'
import './styles/tokens.css'
import './styles/base.css'
import './styles/layout.css'
import './styles/chat.css'
import './styles/memory.css'
import './styles/dialogs.css'

const use = (port: PortLike): void => {
  const client = createRuntimeClient(port)
  // Tests and power users reach the same typed client the UI uses; it carries no extra privileges.
  ;(window as unknown as { keepsakeClient: typeof client }).keepsakeClient = client
  // The runtime reloads to take a new CSP (a relay was allowed): connect to the one that follows.
  client.on('runtime.restarting', () => {
    if (reopen === null) return
    void reconnectRuntime(
      reopen,
      async (p) => (await createRuntimeClient(p).request('app.status', {})).ok,
    ).then((next) => (next ? use(next) : window.location.reload()))
  })
  void attach(client)
}
const reopen = connectRuntime(use)

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
