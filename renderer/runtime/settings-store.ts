import { DEFAULT_SETTINGS, Settings } from '../../shared/contract/settings'
import { check } from '../../shared/validation'
import type { SpaceDb } from './db/space-db'
import { quarantine } from './memory/quarantine'

const KEY = 'settings'

/** Reads the space's settings. A stored value that fails validation is quarantined and defaults are used. */
export async function loadSettings(db: SpaceDb): Promise<Settings> {
  const row = await db.kv.get(KEY)
  if (!row) return DEFAULT_SETTINGS
  // Fill keys added by newer builds of the settings shape before validating.
  const merged = typeof row.value === 'object' && row.value !== null ? { ...DEFAULT_SETTINGS, ...row.value } : row.value
  const parsed = check(Settings, merged)
  if (parsed.ok) return parsed.value
  await quarantine(db, [
    { origin: 'settings', recordId: KEY, raw: row.value, path: parsed.error.path ?? '(root)', reason: parsed.error.message },
  ])
  return DEFAULT_SETTINGS
}

export async function saveSettings(db: SpaceDb, settings: Settings): Promise<void> {
  await db.kv.put({ key: KEY, value: settings })
}
