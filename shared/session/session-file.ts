import { decodeSessionBytes, encodeSessionValue, type SessionEncoding } from './codec'
import type { Gzip } from './gzip'
import { DEFAULT_LIMITS, type SessionLimits } from './limits'
import { loadSession, type LoadedSession } from './load-session'
import type { Checked } from './problems'
import { toEnvelopeValue, type SessionData } from './session-data'

/** A session file read and validated, with the encoding it came in. */
export type ReadSession = LoadedSession & { encoding: SessionEncoding; bytes: number }

/**
 * Reads a whole session file: decodes it under `limits`, migrates and validates it. The same path
 * runs in the runtime (import) and the CLI, with the platform's gzip. `handOver`: see
 * `decodeSessionBytes`.
 * @example const read = await readSessionFile(bytes, nodeGzip); if (read.ok) use(read.value.data)
 */
export async function readSessionFile(
  bytes: Uint8Array,
  gzip: Gzip,
  limits: SessionLimits = DEFAULT_LIMITS,
  handing: { handOver?: boolean } = {},
): Promise<Checked<ReadSession>> {
  const size = bytes.length
  const decoded = await decodeSessionBytes(bytes, gzip, limits, handing)
  if (!decoded.ok) return decoded
  const loaded = loadSession(decoded.value.value, limits.maxRecords)
  if (!loaded.ok) return loaded
  return {
    ok: true,
    value: { ...loaded.value, encoding: decoded.value.encoding, bytes: size },
  }
}

/** Writes a session at the current format and schema versions in `encoding`. */
export function writeSessionFile(
  data: SessionData,
  encoding: SessionEncoding,
  gzip: Gzip,
): Promise<Uint8Array> {
  return encodeSessionValue(toEnvelopeValue(data, encoding), encoding, gzip)
}
