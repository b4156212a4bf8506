import { BASE64_CHUNK_BYTES } from './limits'

// btoa/atob exist in browsers, workers and Node; lib0's helpers pick Node's Buffer inside a worker.
const SLICE = 0x8000

/** Standard padded base64 of `bytes`. */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE))
  }
  return btoa(binary)
}

/** Bytes of standard base64 text; the caller has checked the alphabet (zod's `z.base64()`). */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

/** `bytes` as base64 strings of at most BASE64_CHUNK_BYTES each, so no JSON string grows without bound. */
export function toBase64Chunks(bytes: Uint8Array): string[] {
  const chunks: string[] = []
  for (let i = 0; i < bytes.length; i += BASE64_CHUNK_BYTES) {
    chunks.push(toBase64(bytes.subarray(i, i + BASE64_CHUNK_BYTES)))
  }
  return chunks
}

/** Joins the chunks of `toBase64Chunks` back into one byte array. */
export function fromBase64Chunks(chunks: readonly string[]): Uint8Array {
  const parts = chunks.map(fromBase64)
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
