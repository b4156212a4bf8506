import { err, ok, type Result } from '../../../shared/errors'
import { fromBase64, toBase64 } from '../../../shared/session/base64'

/** Encodes bytes as unpadded base64url (RFC 4648 §5): Keepsake's one base64, with the URL alphabet. */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Decodes unpadded base64url; anything else is a validation error. */
export function fromBase64Url(text: string): Result<Uint8Array> {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    return err('validation', 'not base64url text')
  }
  return ok(fromBase64(text.replace(/-/g, '+').replace(/_/g, '/')))
}
