import * as Y from 'yjs'
import { ENVELOPE_DEVICES } from './envelope'

/** Problem key of the report that the relay left changes out. */
export const WITHHELD_PROBLEM = 'envelope:withheld'

/**
 * The devices whose envelope changes this copy holds but cannot apply, because changes they build
 * on never arrived: Yjs numbers each writer's changes, so a gap means something in between was left
 * out (by the relay, which stores and serves the envelope). Empty when nothing is missing. The
 * writers are named by the device ids their items and device entries carry.
 * @example withheldWriters(envelope) // ['device-A']
 */
export function withheldWriters(envelope: Y.Doc): string[] {
  // Yjs keeps pending changes in its V2 update encoding.
  const pending = envelope.store.pendingStructs
  if (pending === null) return []
  const found = new Set<string>()
  let unnamed = false
  for (const struct of Y.decodeUpdateV2(pending.update).structs) {
    if (!(struct instanceof Y.Item)) continue
    const before = found.size
    // A decoded struct names a root parent by its name (typed as a type, it is a string here).
    const parent: unknown = struct.parent
    if (parent === ENVELOPE_DEVICES && struct.parentSub !== null) found.add(struct.parentSub)
    for (const value of struct.content.getContent()) {
      if (typeof value === 'object' && value !== null && 'deviceId' in value) {
        if (typeof value.deviceId === 'string') found.add(value.deviceId)
      }
    }
    if (found.size === before) unnamed = true
  }
  // Changes that name no device (e.g. deletions by compaction) still show that something is missing.
  if (found.size === 0 && unnamed) return ['an unknown device']
  return [...found].sort()
}
