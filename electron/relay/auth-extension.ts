import type { Extension, onAuthenticatePayload, onStatelessPayload } from '@hocuspocus/server'
import type { CredentialStore } from './credential-store'
import type { NewSpaceLimit } from './new-space-limit'
import {
  RETIRED_ANSWER,
  ROOM_RETIRED,
  readRetireRequest,
  retiredRefusal,
  roomIdOf,
} from '../../shared/relay-room'
import { spaceDocumentOf } from './space-document'

/** Refusal reasons the client shows to the person; they are part of the relay's protocol. */
export const REFUSAL = {
  wrongSecret: 'wrong sync secret for this space',
  missingCredential: 'missing sync credential: pair this device again',
  notASpace: 'this relay only serves Keepsake spaces',
  storage: 'the relay could not check the credential; see the relay log',
  tooManySpaces:
    'this relay is not accepting more new spaces from this address right now; try again in an hour',
  retired: ROOM_RETIRED,
} as const

/** What an authenticated connection's context holds (what `onAuthenticate` returned). */
const keyOf = (context: unknown): string | null =>
  typeof context === 'object' && context !== null && 'spaceId' in context
    ? typeof context.spaceId === 'string'
      ? context.spaceId
      : null
    : null

/** Credentials are base64url of 32 bytes (see renderer/runtime/sync/space-keys.ts). */
const CREDENTIAL = /^[A-Za-z0-9_-]{43}$/

/** What Hocuspocus expects a refusing `onAuthenticate` hook to throw: `reason` is sent to the client. */
class Refusal {
  constructor(readonly reason: string) {}
}

/**
 * Admits a connection to `room:<hex>` only with a credential whose hash is that hex (so only a holder
 * of the pairing secret can claim or open it), and to an older `space:<id>` only with the credential
 * registered for it (trust on first use). A space the relay does not hold yet counts against
 * `newSpaces` before it is registered. Refusals carry a reason from `REFUSAL`.
 */
export function authExtension(
  credentials: CredentialStore,
  newSpaces: { limit: NewSpaceLimit; exists(spaceId: string): Promise<boolean> },
  warn: (message: string) => void,
): Extension {
  return {
    extensionName: 'keepsake-auth',
    async onAuthenticate({ documentName, token, request }: onAuthenticatePayload) {
      const space = spaceDocumentOf(documentName)
      if (!space.ok) throw new Refusal(REFUSAL.notASpace)
      if (typeof token !== 'string' || !CREDENTIAL.test(token)) {
        throw new Refusal(REFUSAL.missingCredential)
      }
      const { key, room } = space.value
      // Checked before anything is stored or counted: a room is claimed only with its own credential.
      if (room !== null && (await roomIdOf(token)) !== room) throw new Refusal(REFUSAL.wrongSecret)
      if (!(await newSpaces.exists(key))) {
        const address = request.socket.remoteAddress ?? 'unknown'
        if (!newSpaces.limit.allow(request, address)) throw new Refusal(REFUSAL.tooManySpaces)
      }
      const verdict = await credentials.check(key, token)
      if (!verdict.ok) {
        warn(verdict.error.message)
        throw new Refusal(REFUSAL.storage)
      }
      if (verdict.value === 'refused') throw new Refusal(REFUSAL.wrongSecret)
      if (verdict.value === 'retired') {
        // A holder of the old credential also gets what the device that retired it left for it.
        const handover = await credentials.handoverFor(key, token)
        if (!handover.ok) warn(handover.error.message)
        throw new Refusal(retiredRefusal(handover.ok ? handover.value : null))
      }
      return { spaceId: key }
    },
    /**
     * A device that holds the credential retires its space when it changes the secret: from then on
     * every credential for it is refused, and the connections open on it are closed with that reason.
     * A handover in the request is kept and given with the refusal to holders of the old credential.
     */
    async onStateless({ connection, document, payload }: onStatelessPayload) {
      const request = readRetireRequest(payload)
      if (request === null) return
      const key = keyOf(connection.context)
      if (key === null) return
      const retired = await credentials.retire(key, request.handover)
      if (!retired.ok) {
        warn(retired.error.message)
        return
      }
      connection.sendStateless(RETIRED_ANSWER)
      for (const open of document.getConnections())
        open.close({ code: 4403, reason: REFUSAL.retired })
    },
  }
}
