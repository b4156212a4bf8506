import { err, ok, type Result } from '../../../shared/errors'

/** Encodes bytes as unpadded base64url (RFC 4648 §5); works in browsers, workers and Node. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Decodes unpadded base64url; anything else is a validation error. */
export function fromBase64Url(text: string): Result<Uint8Array> {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    return err('validation', 'not base64url text')
  }
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return ok(out)
}
