import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { err, ok, type Result } from '../../shared/errors'

// Hocuspocus frames: varString documentName, varUint messageType, then the y-protocols sync message.
const MESSAGE_SYNC = 0
const MESSAGE_SYNC_REPLY = 4
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

/**
 * The Yjs update a client message carries (sync step 2 or update), `null` for any other message, or a
 * validation error when the frame or the update inside it is malformed.
 */
export function updateCarriedBy(message: Uint8Array): Result<Uint8Array | null> {
  try {
    const decoder = decoding.createDecoder(message)
    decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return ok(null)
    const syncType = decoding.readVarUint(decoder)
    if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return ok(null)
    const update = decoding.readVarUint8Array(decoder)
    // Parse it once here so a malformed update is refused before it reaches the durable log.
    Y.decodeUpdate(update)
    return ok(update)
  } catch (e) {
    return err(
      'validation',
      `malformed sync message: ${e instanceof Error ? e.message : String(e)}`,
    )
  }
}
