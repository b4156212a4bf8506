import {
  HocuspocusProvider,
  HocuspocusProviderWebsocket,
  WebSocketStatus,
  type onAuthenticationFailedParameters,
  type onCloseParameters,
  type onStatusParameters,
  type onSyncedParameters,
  type onUnsyncedChangesParameters,
} from '@hocuspocus/provider'
import type * as Y from 'yjs'
import { ROOM_RETIRED, readRefusal } from '../../../shared/relay-room'

/**
 * The connection as sync sees it. `offline` sticks while reconnect attempts fail, so the status does
 * not flicker between offline and connecting; `refused` is final.
 */
export type LinkState = 'connecting' | 'open' | 'authenticated' | 'offline' | 'refused'

/** What the link reports. */
export interface RelayLinkEvents {
  onState(state: LinkState): void
  /**
   * The relay refused the credential; the link has stopped retrying. `handover` is what a device
   * that changed the secret left for the devices that stay (see handover.ts), when the relay has one.
   */
  onRefused(reason: string, handover: string | null): void
  /**
   * Another device changed the secret while this link was open (the relay closed it). Without this
   * the link counts it as a refusal; with it, the owner may connect again to be refused with the
   * handover.
   */
  onRetired?(): void
  /** The envelope finished its handshake after a (re)connect. */
  onSynced(): void
  /** The relay acknowledged every envelope change sent so far. */
  onAcknowledged(): void
  /** The relay closed the connection over a message larger than it accepts. */
  onTooLarge(): void
  /** The relay refused a change because the space is over its storage quota. */
  onSpaceFull(): void
}

/** WebSocket close code for a message over the relay's `--max-message-bytes`. */
const CLOSE_TOO_LARGE = 1009
/** How the relay's refusal of a change past `--max-space-bytes` begins (electron/relay). */
const SPACE_FULL = 'space-full:'

/**
 * Keeps the envelope document synced with its relay document (`room:<hex>` or `space:<id>`, see
 * shared/relay-room.ts) through Hocuspocus,
 * reconnecting with backoff (0.5 s up to 5 s) until `close` or a refusal.
 */
export function openRelayLink(
  options: {
    relayUrl: string
    documentName: string
    credential: string
    envelope: Y.Doc
    WebSocketImpl: unknown
  },
  events: RelayLinkEvents,
): { close(): void } {
  let state: LinkState = 'connecting'
  let synced = false
  const socket = new HocuspocusProviderWebsocket({
    url: options.relayUrl,
    WebSocketPolyfill: options.WebSocketImpl,
    delay: 500,
    minDelay: 500,
    maxDelay: 5000,
  })
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.documentName,
    document: options.envelope,
    token: options.credential,
  })
  const close = (): void => {
    provider.destroy()
    socket.destroy()
  }
  const set = (next: LinkState): void => {
    if (next === state) return
    state = next
    events.onState(next)
  }

  let ended = false
  socket.on('status', ({ status }: onStatusParameters) => {
    if (state === 'refused' || ended) return
    if (status === WebSocketStatus.Disconnected) {
      synced = false
      set('offline')
    } else if (status === WebSocketStatus.Connecting) {
      if (state !== 'offline') set('connecting')
    } else if (state !== 'authenticated') {
      set('open')
    }
  })
  socket.on('close', ({ event }: onCloseParameters) => {
    if (event.code === CLOSE_TOO_LARGE) events.onTooLarge()
  })
  const refuse = (reason: string): void => {
    const { text, handover } = readRefusal(reason)
    // The reason first, so the owner knows of a handover before it hears the state change.
    events.onRefused(text.slice(0, 200), handover)
    set('refused')
    // Retrying cannot fix a refused credential; let the provider finish dispatching first.
    setTimeout(close, 0)
  }
  provider.on('close', ({ event }: onCloseParameters) => {
    const reason = String(event.reason)
    if (reason.startsWith(SPACE_FULL)) events.onSpaceFull()
    // Another device changed the secret while this one was connected.
    else if (reason === ROOM_RETIRED && state !== 'refused') {
      if (events.onRetired === undefined) refuse(reason)
      else {
        // This link is done; its owner decides what comes next, so it reports no more states.
        ended = true
        setTimeout(close, 0)
        events.onRetired()
      }
    }
  })
  provider.on('authenticated', () => {
    if (!ended) set('authenticated')
  })
  provider.on('authenticationFailed', ({ reason }: onAuthenticationFailedParameters) =>
    refuse(String(reason)),
  )
  provider.on('synced', ({ state: done }: onSyncedParameters) => {
    if (!done) return
    synced = true
    events.onSynced()
  })
  provider.on('unsyncedChanges', ({ number }: onUnsyncedChangesParameters) => {
    if (number === 0 && synced) events.onAcknowledged()
  })
  provider.attach()
  return { close }
}
