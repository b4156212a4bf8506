/**
 * The one quarantine record: a stored record that could not be read (it failed validation after
 * migration, or its bytes do not decode), where it came from, its raw value, and why. It is shown to
 * the person and exported with session files; it is never dropped and never turned into null.
 */
export interface Unreadable {
  /** The store it came from: `memory`, `conversations`, `conversation:<id>`, `meta`, `settings`, `updates`, ... */
  origin: string
  recordId: string
  raw: unknown
  /** Where in the record validation failed, as `formatPath` writes it. */
  path: string
  reason: string
}
