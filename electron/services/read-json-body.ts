import type { z } from 'zod'
import { err, type Result } from '../../shared/errors'
import { check } from '../../shared/validation'

/**
 * Reads a request's JSON body, refusing more than `maxBytes` (by Content-Length and while reading,
 * since a chunked body has none), and validates it against `schema`.
 */
export async function readJsonBody<T>(
  request: Request,
  schema: z.ZodType<T>,
  maxBytes: number,
): Promise<Result<T>> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > maxBytes) return tooLarge(maxBytes)
  if (request.body === null) return check(schema, undefined, 'body')
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        await reader.cancel()
        return tooLarge(maxBytes)
      }
      chunks.push(value)
    }
  } catch {
    return err('cancelled', 'The request body was cut off.', 'body')
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder().decode(Buffer.concat(chunks)))
  } catch {
    return err('validation', 'The request body is not valid JSON.', 'body')
  }
  return check(schema, parsed)
}

function tooLarge(maxBytes: number): Result<never> {
  return err('file-too-large', `The request body is larger than ${maxBytes} bytes.`, 'body')
}
