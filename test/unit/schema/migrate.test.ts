import { describe, expect, it } from 'vitest'
import { loadMemoryItem, loadMessage } from '../../../shared/schema/migrate'
import { migrateSpaceSnapshot } from '../../support/schema/migrate-space'
import { readFixture } from './fixtures'

const v2Fact = (readFixture('space.v2.json') as { memory: Record<string, unknown> }).memory[
  'f-pgvector'
]

describe('loading one record', () => {
  it('names the path of the first problem, as of the version it was read as', () => {
    const r = loadMemoryItem({
      schemaVersion: 1,
      id: 'x',
      kind: 'task',
      description: 'd',
      status: 'paused',
      lastAction: '',
      updatedAt: '2026-01-01T00:00:00Z',
    })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.path).toBe('status')
      expect(r.error.message).toMatch(/^as schema v1: status/)
    }
  })

  it('a record with no schema version is unreadable, not guessed at', () => {
    const r = loadMessage({ id: 'm', role: 'user', text: 'hi' })
    expect(!r.ok && r.error.path).toBe('schemaVersion')
  })

  it('a schema version that is not a whole number, or a record that is not an object, is named as such', () => {
    for (const version of ['2', 2.5, Number.NaN, 2 ** 60, null])
      expect(loadMessage({ schemaVersion: version, id: 'm' })).toMatchObject({
        ok: false,
        error: { path: 'schemaVersion' },
      })
    for (const raw of [[], 'text', 7, null])
      expect(loadMessage(raw)).toMatchObject({ ok: false, error: { code: 'validation' } })
  })

  it('a record from a newer build comes back verbatim as future', () => {
    const raw = { schemaVersion: 5, id: 'x', anything: [1, 2] }
    expect(loadMemoryItem(raw)).toEqual({
      ok: true,
      value: { type: 'future', raw, schemaVersion: 5 },
    })
  })

  it('a key named __proto__ anywhere is refused loudly, because parsing would drop it silently', () => {
    const top = JSON.parse(JSON.stringify(v2Fact).replace('{', '{"__proto__":{"x":1},')) as unknown
    const nested = JSON.parse(
      JSON.stringify(v2Fact).replace('"quote":', '"__proto__":1,"quote":'),
    ) as unknown
    const deep = { ...(v2Fact as object), tags: [{ a: JSON.parse('{"__proto__":2}') as unknown }] }
    expect(loadMemoryItem(top)).toMatchObject({ ok: false, error: { path: '__proto__' } })
    expect(loadMemoryItem(nested)).toMatchObject({ ok: false, error: { path: 'source.__proto__' } })
    expect(loadMemoryItem(deep)).toMatchObject({
      ok: false,
      error: { path: 'tags[0].a.__proto__' },
    })
  })

  it('a whole space reports a record stored under __proto__ instead of losing it', () => {
    const text = JSON.stringify(readFixture('space.v2.json')).replace(
      '"memory":{',
      '"memory":{"__proto__":{"schemaVersion":2,"id":"__proto__"},',
    )
    const r = migrateSpaceSnapshot(JSON.parse(text))
    if (!r.ok || r.value.type !== 'current') throw new Error('expected a migrated space')
    expect(r.value.unreadable).toEqual([
      expect.objectContaining({
        origin: 'memory',
        recordId: '__proto__',
        raw: { schemaVersion: 2, id: '__proto__' },
      }),
    ])
  })
})
