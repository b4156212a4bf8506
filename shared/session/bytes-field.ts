import { z } from 'zod'
import { fromBase64Chunks } from './base64'

/**
 * A binary field (a Yjs state). msgpack carries it as bytes; JSON as an array of base64 strings
 * (see `toBase64Chunks`). Either way it parses to a Uint8Array.
 */
export const BytesField = z.union([
  z.instanceof(Uint8Array, { message: 'expected bytes' }),
  z
    .array(z.base64({ message: 'expected base64 text' }))
    .transform((chunks) => fromBase64Chunks(chunks)),
])
