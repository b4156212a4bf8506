import type { Extension, onAuthenticatePayload } from '@hocuspocus/server'
import type { CredentialStore } from './credential-store'
import type { NewSpaceLimit } from './new-space-limit'
import { roomIdOf } from '../../shared/relay-room'
import { spaceDocumentOf } from './space-document'

/** Refusal reasons the client shows to the person; they are part of the relay's protocol. */
export const REFUSAL = {
  wrongSecret: 'wrong sync secret for this space',
  missingCredential: 'missing sync credential: pair this device again',
  notASpace: 'this relay only serves Keepsake spaces',
  storage: 'the relay could not check the credential; see the relay log',
  tooManySpaces:
    'this relay is not accepting more new spaces from this address right now; try again in an hour',
} as const

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
      return { spaceId: key }
    },
  }
}
