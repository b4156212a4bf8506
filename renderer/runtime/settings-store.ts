import { DEFAULT_SETTINGS, Settings } from '../../shared/contract/settings'
import { CURRENT_SCHEMA_VERSION } from '../../shared/schema/current'
import type { SpaceDb } from './db/space-db'
import type { Unreadable } from '../../shared/docs'
import { quarantine } from './memory/quarantine'

const KEY = 'settings'

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Reads the space's settings. Each setting is checked on its own: a stored setting that fails
 * validation is quarantined and only that setting falls back to its default; the rest are kept.
 * Settings a newer build added are missing here and take their defaults.
 */
export async function loadSettings(db: SpaceDb): Promise<Settings> {
  const row = await db.kv.get(KEY)
  if (!row) return DEFAULT_SETTINGS
  if (!isRecord(row.value)) {
    await quarantine(db, [bad(row.value, '(root)', 'settings: expected an object')])
    return DEFAULT_SETTINGS
  }
  const stored = row.value
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  const problems: Unreadable[] = []
  for (const key of Object.keys(Settings.shape) as (keyof Settings)[]) {
    if (!(key in stored)) continue
    const parsed = Settings.shape[key].safeParse(stored[key])
    if (parsed.success) merged[key] = parsed.data
    else {
      const issue = parsed.error.issues[0]
      const path = ['settings', key, ...(issue?.path ?? [])].join('.')
      problems.push({
        ...bad(stored[key], path, `${path}: ${issue?.message ?? 'invalid'}`),
        recordId: `${KEY}.${key}`,
      })
    }
  }
  if (problems.length > 0) await quarantine(db, problems)
  const parsed = Settings.safeParse(merged)
  return parsed.success ? parsed.data : DEFAULT_SETTINGS
}

/**
 * Stores the settings with the schema version that wrote them. Keys this build does not know (written
 * by a newer build) are kept as they were.
 */
export async function saveSettings(db: SpaceDb, settings: Settings): Promise<void> {
  await db.transaction('rw', db.kv, async () => {
    const row = await db.kv.get(KEY)
    const kept = isRecord(row?.value) ? row.value : {}
    await db.kv.put({
      key: KEY,
      value: { ...kept, ...settings, schemaVersion: CURRENT_SCHEMA_VERSION },
    })
  })
}

const bad = (raw: unknown, path: string, reason: string): Unreadable => ({
  origin: 'settings',
  recordId: KEY,
  raw,
  path,
  reason,
})
