import { QuarantinedRecord } from '../../../shared/contract/models'
import { IsoDate } from '../../../shared/schema/iso-date'
import type { Unreadable } from '../../../shared/docs'
import type { QuarantineRow, SpaceDb } from '../db/space-db'

/**
 * Records unreadable records for the person to see, once per (origin, record) however often they are
 * loaded. Resolves to how many were new, so callers can refresh what shows the count.
 */
export async function quarantine(db: SpaceDb, bad: Unreadable[]): Promise<number> {
  if (bad.length === 0) return 0
  return db.transaction('rw', db.quarantine, async () => {
    let added = 0
    for (const b of bad) {
      const seen = await db.quarantine
        .where('[origin+recordId]')
        .equals([b.origin, b.recordId])
        .count()
      if (seen > 0) continue
      await db.quarantine.add({
        origin: b.origin,
        recordId: b.recordId,
        raw: safeJson(b.raw),
        path: b.path,
        reason: b.reason,
        at: new Date().toISOString(),
      })
      added++
    }
    return added
  })
}

/**
 * Every quarantined record, oldest first. A quarantine row that is itself damaged is still listed
 * (with what could be read), so it can be exported and discarded like any other.
 */
export async function listQuarantined(db: SpaceDb): Promise<QuarantinedRecord[]> {
  const rows = await db.quarantine.toArray()
  return rows.flatMap((row) => {
    const parsed = QuarantinedRecord.safeParse(row)
    if (parsed.success) return [parsed.data]
    const id = (row as { id?: unknown }).id
    if (typeof id !== 'number') return []
    return [
      {
        id,
        origin: typeof row.origin === 'string' ? row.origin : 'quarantine',
        recordId: typeof row.recordId === 'string' ? row.recordId : String(id),
        raw: typeof row.raw === 'string' ? row.raw : safeJson(row),
        path: typeof row.path === 'string' ? row.path : '(root)',
        reason: `the quarantine entry itself is damaged: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        at: isIso(row.at) ? row.at : new Date(0).toISOString(),
      },
    ]
  })
}

/**
 * The quarantined records as one JSON document a person can keep or send: each entry with its raw
 * value parsed back (or as text when it was not JSON). `id` narrows it to one record.
 */
export async function exportQuarantined(
  db: SpaceDb,
  id?: number,
): Promise<{ json: string; count: number }> {
  const all = await listQuarantined(db)
  const records = id === undefined ? all : all.filter((r) => r.id === id)
  const body = {
    kind: 'keepsake-quarantine',
    exportedAt: new Date().toISOString(),
    records: records.map((r) => ({ ...r, raw: parseOrText(r.raw) })),
  }
  return { json: JSON.stringify(body, null, 2), count: records.length }
}

/** The stored quarantine row, or null when it was already discarded. */
export async function quarantinedRow(db: SpaceDb, id: number): Promise<QuarantineRow | null> {
  return (await db.quarantine.get(id)) ?? null
}

const isIso = (v: unknown): v is string => IsoDate.safeParse(v).success

function parseOrText(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return raw
  }
}

function safeJson(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_k, v: unknown) =>
        v instanceof Uint8Array ? `<${v.length} bytes>` : v,
      ) ?? String(value)
    )
  } catch {
    return String(value)
  }
}
