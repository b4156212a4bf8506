import * as Y from 'yjs'
import { err, ok, type Result } from '../../../shared/errors'
import { relayDocumentName, type RelayRoom } from '../../../shared/relay-room'
import { envelopeMaps } from './envelope'
import { openRelayLink } from './relay-link'

/** How long a join waits for the relay to accept or refuse the code before giving up. */
export const PROBE_TIMEOUT_MS = 10_000
/** How long an empty space is watched for a device's first announcement before it counts as empty. */
const EMPTY_GRACE_MS = 3000

/**
 * Asks the relay whether a pairing code leads to a space, before anything on this device changes.
 * Resolves ok once the relay has admitted the credential and its room holds some device's
 * announcement or data; `sync-auth` with the relay's reason when it refuses; `not-found` when the
 * room is empty (a code with another secret names a room nobody uses); `sync-unreachable` when the
 * relay does not answer in time. The connection is closed either way and nothing it received is kept.
 */
export async function probeRelay(
  options: {
    relayUrl: string
    spaceId: string
    room: RelayRoom
    credential: string
    WebSocketImpl?: unknown
  },
  timeoutMs: number = PROBE_TIMEOUT_MS,
): Promise<Result<void>> {
  const documentName = await relayDocumentName(options)
  const envelope = new Y.Doc()
  const { items, devices } = envelopeMaps(envelope)
  const holdsSomething = (): boolean => items.size > 0 || devices.size > 0
  return new Promise((resolve) => {
    let link: { close(): void } | null = null
    let settled = false
    let grace: ReturnType<typeof setTimeout> | null = null
    const watch = (): void => {
      if (holdsSomething()) finish(ok(undefined))
    }
    const finish = (result: Result<void>): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (grace !== null) clearTimeout(grace)
      envelope.off('update', watch)
      // Closed after the provider has finished dispatching the event that decided.
      setTimeout(() => {
        link?.close()
        envelope.destroy()
      }, 0)
      resolve(result)
    }
    const timer = setTimeout(
      () =>
        finish(
          err(
            'sync-unreachable',
            `The relay at ${options.relayUrl} did not answer within ${Math.round(timeoutMs / 1000)} seconds. Check that it is running and reachable from this computer, then join again.`,
          ),
        ),
      timeoutMs,
    )
    link = openRelayLink(
      {
        relayUrl: options.relayUrl,
        documentName,
        credential: options.credential,
        envelope,
        WebSocketImpl: options.WebSocketImpl ?? globalThis.WebSocket,
      },
      {
        onState: () => undefined,
        onRefused: (reason) =>
          finish(
            err(
              'sync-auth',
              `The relay refused this pairing code (${reason}). Copy the code again from the device that shows it.`,
            ),
          ),
        onSynced: () => {
          if (holdsSomething()) return finish(ok(undefined))
          clearTimeout(timer)
          // A device that paired a moment ago may not have announced itself yet.
          envelope.on('update', watch)
          grace = setTimeout(
            () =>
              finish(
                err(
                  'not-found',
                  'No device has synced with this pairing code on that relay, so there is nothing to join. Copy the whole code again from the device that shows it; a device that paired again shows a new one.',
                ),
              ),
            EMPTY_GRACE_MS,
          )
        },
        onAcknowledged: () => undefined,
        onTooLarge: () => undefined,
        onSpaceFull: () => undefined,
      },
    )
  })
}
