import { chmod, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
  SECRET_FILE_NAME,
  createFileSecretStore,
} from '../../../electron/services/secret-store.file'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keepsake-secrets-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const modeOf = async (path: string) => (await stat(path)).mode & 0o777

describe('createFileSecretStore', () => {
  test('reads nothing before anything is saved, and creates no file for it', async () => {
    const store = createFileSecretStore(join(dir, 'profile'))
    expect(await store.get('anthropic.apiKey')).toEqual({ ok: true, value: null })
    expect(await readdir(dir)).toEqual([])
  })

  test('keeps values across instances, in a file only its owner can read (0600)', async () => {
    const profile = join(dir, 'profile')
    await createFileSecretStore(profile).set('anthropic.apiKey', 'sk-ant-123')
    expect(await modeOf(join(profile, SECRET_FILE_NAME))).toBe(0o600)
    expect(await modeOf(profile)).toBe(0o700)
    const again = createFileSecretStore(profile)
    expect(await again.get('anthropic.apiKey')).toEqual({ ok: true, value: 'sk-ant-123' })
  })

  test('tightens a file whose mode was loosened', async () => {
    const store = createFileSecretStore(dir)
    await store.set('openai-compatible.apiKey', 'sk-1')
    const file = join(dir, SECRET_FILE_NAME)
    await chmod(file, 0o644)
    expect(await store.get('openai-compatible.apiKey')).toEqual({ ok: true, value: 'sk-1' })
    expect(await modeOf(file)).toBe(0o600)
  })

  test('deletes one key and keeps the others', async () => {
    const store = createFileSecretStore(dir)
    await store.set('openai-compatible.apiKey', 'sk-1')
    await store.set('anthropic.apiKey', 'sk-2')
    expect(await store.delete('openai-compatible.apiKey')).toEqual({ ok: true, value: undefined })
    expect(await store.delete('openai-compatible.apiKey')).toEqual({ ok: true, value: undefined })
    expect(await store.get('openai-compatible.apiKey')).toEqual({ ok: true, value: null })
    expect(await store.get('anthropic.apiKey')).toEqual({ ok: true, value: 'sk-2' })
  })

  test('replaces the file by rename: a new inode each write, no temp files left', async () => {
    const store = createFileSecretStore(dir)
    const file = join(dir, SECRET_FILE_NAME)
    await store.set('anthropic.apiKey', 'first')
    const before = await stat(file)
    await store.set('anthropic.apiKey', 'second')
    const after = await stat(file)
    // Writing in place would keep the inode; a crash mid-write could then leave half a file.
    expect(after.ino).not.toBe(before.ino)
    expect(await readdir(dir)).toEqual([SECRET_FILE_NAME])
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      version: 1,
      secrets: { 'anthropic.apiKey': 'second' },
    })
  })

  test('ignores a temp file left by a crash and keeps the last committed keys', async () => {
    const store = createFileSecretStore(dir)
    await store.set('anthropic.apiKey', 'committed')
    await writeFile(join(dir, `${SECRET_FILE_NAME}.deadbeef.tmp`), '{"version":1,"secr')
    expect(await store.get('anthropic.apiKey')).toEqual({ ok: true, value: 'committed' })
  })

  test('loses no write when several land at once', async () => {
    const store = createFileSecretStore(dir)
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(`key-${i}`, `value-${i}`)))
    const fresh = createFileSecretStore(dir)
    for (let i = 0; i < 20; i++) {
      expect(await fresh.get(`key-${i}`)).toEqual({ ok: true, value: `value-${i}` })
    }
    expect(await readdir(dir)).toEqual([SECRET_FILE_NAME])
  })

  test('reports a corrupt file and never overwrites it', async () => {
    const file = join(dir, SECRET_FILE_NAME)
    await writeFile(file, '{ not json', { mode: 0o600 })
    const store = createFileSecretStore(dir)
    const read = await store.get('anthropic.apiKey')
    expect(read).toMatchObject({ ok: false, error: { code: 'secret-storage-unavailable' } })
    const write = await store.set('anthropic.apiKey', 'x')
    expect(write).toMatchObject({ ok: false, error: { code: 'secret-storage-unavailable' } })
    expect(await readFile(file, 'utf8')).toBe('{ not json')

    await writeFile(file, JSON.stringify({ version: 1, secrets: { a: 3 } }))
    const invalid = await store.get('a')
    expect(invalid).toMatchObject({
      ok: false,
      error: { code: 'secret-storage-unavailable', path: 'secrets.a' },
    })
  })
})
