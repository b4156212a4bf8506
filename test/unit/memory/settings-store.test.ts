import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { loadSettings, saveSettings } from '../../../renderer/runtime/settings-store'
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings'
import { newDb } from '../docs/space-harness'

describe('stored settings', () => {
  it('are saved with their schema version, and keys a newer build added are kept', async () => {
    const db = newDb()
    await db.kv.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, voice: { enabled: true } } })
    const loaded = await loadSettings(db)
    expect(loaded).toEqual(DEFAULT_SETTINGS)
    await saveSettings(db, { ...loaded, theme: 'dark' })
    expect((await db.kv.get('settings'))?.value).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      voice: { enabled: true },
      schemaVersion: 2,
    })
    expect((await loadSettings(db)).theme).toBe('dark')
  })

  it('a bad setting is quarantined and only it falls back to its default', async () => {
    const db = newDb()
    await db.kv.put({
      key: 'settings',
      value: {
        ...DEFAULT_SETTINGS,
        theme: 'dark',
        freshness: { ...DEFAULT_SETTINGS.freshness, fact: -3 },
      },
    })
    const loaded = await loadSettings(db)
    expect(loaded.theme).toBe('dark')
    expect(loaded.freshness).toEqual(DEFAULT_SETTINGS.freshness)
    const rows = await db.quarantine.toArray()
    expect(rows).toEqual([
      expect.objectContaining({
        origin: 'settings',
        recordId: 'settings.freshness',
        path: 'settings.freshness.fact',
      }),
    ])
    expect(JSON.parse(rows[0]!.raw)).toEqual({ ...DEFAULT_SETTINGS.freshness, fact: -3 })
    await loadSettings(db)
    expect(await db.quarantine.count()).toBe(1)
  })

  it('a stored value that is not settings at all is quarantined whole', async () => {
    const db = newDb()
    await db.kv.put({ key: 'settings', value: 'corrupt' })
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS)
    expect(await db.quarantine.count()).toBe(1)
  })
})
