import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createRuntimeClient } from '../../shared/contract/client'
import { connectRuntime } from './client/connect'
import { attach } from './state/actions'
import { App } from './components/app'
import './styles/tokens.css'
import './styles/base.css'
import './styles/layout.css'
import './styles/chat.css'
import './styles/memory.css'
import './styles/dialogs.css'

connectRuntime((port) => {
  const client = createRuntimeClient(port)
  // Tests and power users reach the same typed client the UI uses; it carries no extra privileges.
  ;(window as unknown as { keepsakeClient: typeof client }).keepsakeClient = client
  void attach(client)
})

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
