import type { SpaceDb } from '../db/space-db'

export interface Unreadable {
  origin: string
  recordId: string
  raw: unknown
  path: string
  reason: string
}

/** Shows a record that failed validation, once per (origin, record), however often it is loaded. */
export async function quarantine(db: SpaceDb, bad: Unreadable[]): Promise<void> {
  if (bad.length === 0) return
  await db.transaction('rw', db.quarantine, async () => {
    for (const b of bad) {
      const seen = await db.quarantine.where('[origin+recordId]').equals([b.origin, b.recordId]).count()
      if (seen > 0) continue
      await db.quarantine.add({
        origin: b.origin,
        recordId: b.recordId,
        raw: safeJson(b.raw),
        path: b.path,
        reason: b.reason,
        at: new Date().toISOString(),
      })
    }
  })
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v)) ?? String(value)
  } catch {
    return String(value)
  }
}
