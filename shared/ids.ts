/** A new random id, URL-safe. Uses WebCrypto, which both Node and Chromium have. */
export function newId(): string {
  return globalThis.crypto.randomUUID()
}
