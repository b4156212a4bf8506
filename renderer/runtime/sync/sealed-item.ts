import { concatBytes } from '../../../shared/concat-bytes'
import { err, ok, type Result } from '../../../shared/errors'

/**
 * The plaintext of a `sealed` envelope item: a document's whole Yjs state together with its
 * read-model pages, so a device that has nothing of the document can store both without decoding
 * the state field by field. Layout, after one version byte (1):
 *
 *   u32 big-endian n · deflate-raw(state) (n bytes) · deflate-raw(pages)
 *
 * `pages` is whatever the sync target made of the document's read model (bytes to the engine). Both
 * halves are compressed: a 100k-message conversation is about 26 MiB of state and 35 MiB of pages,
 * more than a relay takes in one message (32 MiB by default), and about 13 MiB compressed. They are
 * compressed apart so the state alone can be read (compaction, comparing with the relay) without
 * inflating the pages.
 */
export interface SealedParts {
  state: Uint8Array
  pages: Uint8Array
}

const VERSION = 1
const HEADER_BYTES = 5

/** The most either half may inflate to; the relay keeps at most 512 MiB per space by default. */
export const SEALED_PART_MAX_BYTES = 512 * 1024 * 1024

/** Whether a raw envelope item (not yet opened) says it is sealed; its kind is authenticated on open. */
export const isSealed = (raw: unknown): boolean =>
  typeof raw === 'object' && raw !== null && 'kind' in raw && raw.kind === 'sealed'

/** Encodes a sealed item's plaintext. */
export async function encodeSealed(parts: SealedParts): Promise<Uint8Array> {
  const [state, pages] = await Promise.all([deflate(parts.state), deflate(parts.pages)])
  const out = new Uint8Array(HEADER_BYTES + state.byteLength + pages.byteLength)
  out[0] = VERSION
  new DataView(out.buffer).setUint32(1, state.byteLength)
  out.set(state, HEADER_BYTES)
  out.set(pages, HEADER_BYTES + state.byteLength)
  return out
}

/** Reads both halves of a sealed item's plaintext; `path` names the item in errors. */
export async function decodeSealed(
  plaintext: Uint8Array,
  path: string,
): Promise<Result<SealedParts>> {
  const framed = frame(plaintext, path)
  if (!framed.ok) return framed
  const [state, pages] = await Promise.all([
    inflate(framed.value.state, `${path}.state`),
    inflate(framed.value.pages, `${path}.pages`),
  ])
  if (!state.ok) return state
  if (!pages.ok) return pages
  return ok({ state: state.value, pages: pages.value })
}

/**
 * Reads one half of a sealed item's plaintext: the Yjs state (what compaction and comparing need)
 * or the pages (what a baseline that stores no state needs).
 */
export async function sealedHalf(
  plaintext: Uint8Array,
  path: string,
  half: keyof SealedParts,
): Promise<Result<Uint8Array>> {
  const framed = frame(plaintext, path)
  if (!framed.ok) return framed
  return inflate(framed.value[half], `${path}.${half}`)
}

function frame(plaintext: Uint8Array, path: string): Result<SealedParts> {
  if (plaintext.byteLength < HEADER_BYTES)
    return err('validation', 'a sealed item is shorter than its header', path)
  if (plaintext[0] !== VERSION)
    return err(
      'unsupported-version',
      `a sealed item of format ${plaintext[0]} (this Keepsake reads format ${VERSION})`,
      path,
    )
  const view = new DataView(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength)
  const stateBytes = view.getUint32(1)
  if (HEADER_BYTES + stateBytes > plaintext.byteLength)
    return err('validation', 'a sealed item says its state is longer than the item', path)
  return ok({
    state: plaintext.subarray(HEADER_BYTES, HEADER_BYTES + stateBytes),
    pages: plaintext.subarray(HEADER_BYTES + stateBytes),
  })
}

const streamOf = (bytes: Uint8Array): ReadableStream<Uint8Array<ArrayBuffer>> =>
  new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      controller.enqueue(bytes as Uint8Array<ArrayBuffer>)
      controller.close()
    },
  })

/** Joins chunks read from `reader`; null once they pass `limit` bytes (reading stops there). */
async function collect(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  limit: number,
): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > limit) return null
      chunks.push(value)
    }
  } finally {
    await reader.cancel().catch(() => undefined)
  }
  return concatBytes(chunks, total)
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const out = await collect(
    streamOf(bytes).pipeThrough(new CompressionStream('deflate-raw')).getReader(),
    Number.POSITIVE_INFINITY,
  )
  // An unbounded read always completes.
  return out ?? new Uint8Array()
}

async function inflate(bytes: Uint8Array, path: string): Promise<Result<Uint8Array>> {
  try {
    const out = await collect(
      streamOf(bytes).pipeThrough(new DecompressionStream('deflate-raw')).getReader(),
      SEALED_PART_MAX_BYTES,
    )
    if (out === null)
      return err(
        'validation',
        `unpacks to more than ${SEALED_PART_MAX_BYTES / 1024 / 1024} MiB`,
        path,
      )
    return ok(out)
  } catch (e) {
    return err(
      'validation',
      `cannot be unpacked: ${e instanceof Error ? e.message : String(e)}`,
      path,
    )
  }
}
