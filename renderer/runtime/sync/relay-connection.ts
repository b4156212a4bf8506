import type { EngineContext } from './engine-context'
import { ROOM_RETIRED } from '../../../shared/relay-room'
import { openRelayLink } from './relay-link'

/** What the connection hands back to the engine. */
export interface RelayConnectionEvents {
  /** The envelope finished its handshake after a (re)connect: time to reconcile. */
  onSynced(): void
  /** The relay acknowledged every envelope change sent so far. */
  onAcknowledged(): void
}

/** The engine's link to its relay document. */
export interface RelayConnection {
  open(documentName: string, credential: string): void
  close(): void
}

/**
 * Creates the connection of one sync: it keeps the link's state, refusal and close notes in
 * `state` (for the status) and passes the handshake and acknowledgements on.
 * @example const connection = createRelayConnection(ctx, WebSocket, events); connection.open(name, credential)
 */
export function createRelayConnection(
  ctx: EngineContext,
  WebSocketImpl: unknown,
  events: RelayConnectionEvents,
): RelayConnection {
  const { state } = ctx
  let link: { close(): void } | null = null
  // Connecting again after the relay closed a retired room, once: the refusal then carries the handover.
  let reopened = false
  const connection: RelayConnection = {
    open(documentName, credential) {
      link = openRelayLink(
        {
          relayUrl: ctx.settings.relayUrl,
          documentName,
          credential,
          envelope: ctx.envelope,
          WebSocketImpl,
        },
        {
          onState(next) {
            state.link = next
            if (next !== 'authenticated') state.synced = false
            ctx.emit()
          },
          onRefused(reason, handover) {
            state.refusal = reason
            link = null
            // The owner hears of the handover before the refusal, so it can say what comes next.
            if (handover !== null) ctx.options.onHandover?.(handover)
            ctx.emit()
          },
          onRetired() {
            link = null
            if (reopened || state.phase !== 'running') {
              state.link = 'refused'
              state.refusal = ROOM_RETIRED
              ctx.emit()
              return
            }
            reopened = true
            connection.open(documentName, credential)
          },
          onSynced() {
            state.synced = true
            // Not "connected" until this device has compared its documents with the relay's.
            state.reconciling = true
            events.onSynced()
          },
          onAcknowledged() {
            state.unacked = 0
            state.closeNote = null
            state.lastSyncedAt = new Date().toISOString()
            ctx.emit()
            events.onAcknowledged()
          },
          onTooLarge() {
            state.closeNote =
              'The relay refused a change larger than its --max-message-bytes; retrying.'
          },
          onSpaceFull() {
            state.closeNote =
              'The relay refused a change: this space is over its storage quota (--max-space-bytes); retrying.'
          },
        },
      )
    },
    close() {
      link?.close()
      link = null
    },
  }
  return connection
}
