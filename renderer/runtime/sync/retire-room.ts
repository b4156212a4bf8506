import {
  HocuspocusProvider,
  HocuspocusProviderWebsocket,
  type onAuthenticationFailedParameters,
  type onStatelessParameters,
} from '@hocuspocus/provider'
import * as Y from 'yjs'
import { err, ok, type Result } from '../../../shared/errors'
import { RETIRED_ANSWER, retireRequest } from '../../../shared/relay-room'

/** How long retiring waits for the relay before giving up (nothing changes then). */
const RETIRE_WAIT_MS = 15_000

/**
 * Asks the relay to refuse the room's credential from now on (the person changed the sync secret):
 * connects with the credential, sends the retire request and resolves once the relay confirms.
 * Devices still holding the old secret are then refused, and their open connections closed; with
 * the refusal, holders of the old credential get `handover`.
 * @example await retireRoom({ relayUrl, documentName, credential, handover: null, WebSocketImpl: WebSocket })
 */
export function retireRoom(options: {
  relayUrl: string
  documentName: string
  credential: string
  /** What the relay keeps with the retired room for the devices that stay (handover.ts), or null. */
  handover: string | null
  WebSocketImpl: unknown
}): Promise<Result<void>> {
  return new Promise((resolve) => {
    const socket = new HocuspocusProviderWebsocket({
      url: options.relayUrl,
      WebSocketPolyfill: options.WebSocketImpl,
      delay: 500,
      minDelay: 500,
      maxDelay: 2000,
    })
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: options.documentName,
      document: new Y.Doc(),
      token: options.credential,
    })
    let done = false
    const finish = (result: Result<void>): void => {
      if (done) return
      done = true
      clearTimeout(timer)
      // Let the provider finish dispatching the event that ended this first.
      setTimeout(() => {
        provider.destroy()
        socket.destroy()
      }, 0)
      resolve(result)
    }
    const timer = setTimeout(
      () =>
        finish(
          err(
            'sync-unreachable',
            `The relay at ${options.relayUrl} did not answer, so the old sync secret is still valid; nothing changed.`,
          ),
        ),
      RETIRE_WAIT_MS,
    )
    provider.on('authenticated', () => provider.sendStateless(retireRequest(options.handover)))
    provider.on('stateless', ({ payload }: onStatelessParameters) => {
      if (payload === RETIRED_ANSWER) finish(ok(undefined))
    })
    provider.on('authenticationFailed', ({ reason }: onAuthenticationFailedParameters) =>
      finish(
        err('sync-auth', `The relay refused the old sync secret: ${String(reason).slice(0, 200)}.`),
      ),
    )
    provider.attach()
  })
}
