import { z } from 'zod'
import { err, ok, type Result } from '../../../shared/errors'
import { check } from '../../../shared/validation'
import type { PagedMessage } from '../db/space-db'
import { comesBefore } from './page-layout'

/**
 * The pages half of a conversation sent whole by sync (a `sealed` item): its messages as the read
 * model stores them, in read order (time, then id), as UTF-8 JSON
 * `{ "v": 1, "messages": [[id, createdAt, record], …] }`. The receiver lays them out in pages of
 * its own; each record is still read with `readRecord` when it is shown, as every stored message is.
 */
const SealedPages = z.object({
  v: z.literal(1),
  messages: z.array(z.tuple([z.string().min(1), z.string(), z.unknown()])),
})

const refuse = (path: string, reason: string): Result<never> =>
  err('validation', `${path}: ${reason}`, path)

/** Encodes a conversation's messages (in read order) as the pages half of a sealed item. */
export function encodeSealedPages(messages: readonly PagedMessage[]): Uint8Array {
  const body = { v: 1, messages: messages.map((m) => [m.id, m.createdAt, m.record]) }
  return new TextEncoder().encode(JSON.stringify(body))
}

/**
 * Reads the pages half of a sealed item: JSON of the shape above, each message once, in read
 * order. Anything else is refused with the path of what is wrong (`pages.messages[17]`).
 */
export function readSealedPages(bytes: Uint8Array): Result<PagedMessage[]> {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (e) {
    return refuse('pages', `not JSON (${e instanceof Error ? e.message : String(e)})`)
  }
  const checked = check(SealedPages, json, 'pages')
  if (!checked.ok) return checked
  const messages: PagedMessage[] = []
  const seen = new Set<string>()
  for (const [i, [id, createdAt, record]] of checked.value.messages.entries()) {
    const message = { id, createdAt, record }
    if (seen.has(id)) return refuse(`pages.messages[${i}]`, `the message "${id}" again`)
    const before = messages.at(-1)
    if (before && !comesBefore(before, message))
      return refuse(`pages.messages[${i}]`, 'out of read order (time, then id)')
    seen.add(id)
    messages.push(message)
  }
  return ok(messages)
}
