import { err, ok, type Result } from '../../shared/errors'

/** Hocuspocus document names the relay serves: `space:<spaceId>`, the id being URL-safe. */
const SPACE_DOCUMENT = /^space:([A-Za-z0-9_-]{1,128})$/

/** The space id of a Hocuspocus document name, or a validation error for any other name. */
export function spaceIdOf(documentName: string): Result<string> {
  const match = SPACE_DOCUMENT.exec(documentName)
  return match?.[1] === undefined
    ? err('validation', `"${documentName.slice(0, 80)}" is not a Keepsake space document`)
    : ok(match[1])
}
