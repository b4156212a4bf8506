/**
 * A copy of `bytes` backed by a plain ArrayBuffer, the type WebCrypto accepts (a Uint8Array may view
 * a SharedArrayBuffer or a larger pooled buffer).
 */
export function ownBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(bytes.byteLength))
  out.set(bytes)
  return out
}

/** UTF-8 bytes of `text`. */
export const utf8 = (text: string): Uint8Array<ArrayBuffer> =>
  ownBytes(new TextEncoder().encode(text))
