import { err, ok, type Result } from '../../shared/errors'
import { ROOM_DOCUMENT, SPACE_DOCUMENT } from '../../shared/relay-room'

/** A document the relay serves, as it stores it. */
export interface SpaceDocument {
  /**
   * The folder (and credential key) the relay keeps it under: the space id for `space:<id>`,
   * `room.<hex>` for `room:<hex>` (a `.` cannot occur in a space id, so the two never meet).
   */
  key: string
  /** For `room:<hex>`: the hex, which the credential must hash to (shared/relay-room.ts). */
  room: string | null
}

/** What the relay keeps for a Hocuspocus document name; a validation error for any other name. */
export function spaceDocumentOf(documentName: string): Result<SpaceDocument> {
  const room = ROOM_DOCUMENT.exec(documentName)?.[1]
  if (room !== undefined) return ok({ key: `room.${room}`, room })
  const spaceId = SPACE_DOCUMENT.exec(documentName)?.[1]
  if (spaceId !== undefined) return ok({ key: spaceId, room: null })
  return err('validation', `"${documentName.slice(0, 80)}" is not a Keepsake space document`)
}
