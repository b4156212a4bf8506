import { appendFile, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createSpaceStore } from '../../../electron/relay/space-store'

const dirs: string[] = []
const freshDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-store-'))
  dirs.push(dir)
  return dir
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

/** Updates of a document getting `count` list entries, one update each. */
const updates = (count: number): { list: Uint8Array[]; expected: string[] } => {
  const doc = new Y.Doc()
  const list: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => list.push(u))
  for (let i = 0; i < count; i++) doc.getArray<string>('items').push([`item ${i}`])
  return { list, expected: doc.getArray<string>('items').toArray() }
}

const contentOf = (stored: Uint8Array[]): string[] => {
  const doc = new Y.Doc()
  for (const u of stored) Y.applyUpdate(doc, u)
  return doc.getArray<string>('items').toArray()
}

const loadOk = async (store: ReturnType<typeof createSpaceStore>, spaceId: string) => {
  const loaded = await store.load(spaceId)
  if (!loaded.ok) throw new Error(loaded.error.message)
  return loaded.value
}

describe('space store', () => {
  it('keeps every acknowledged update across a reopen', async () => {
    const root = await freshDir()
    const { list, expected } = updates(5)
    const store = createSpaceStore(root, () => undefined)
    for (const u of list) expect((await store.append('s1', u)).ok).toBe(true)
    await store.close()
    expect(
      contentOf(
        await loadOk(
          createSpaceStore(root, () => undefined),
          's1',
        ),
      ),
    ).toEqual(expected)
    expect(
      await loadOk(
        createSpaceStore(root, () => undefined),
        'unknown',
      ),
    ).toEqual([])
  })

  it('once closed, writes nothing more under its root and says why an update was not stored', async () => {
    const root = await freshDir()
    const { list } = updates(2)
    const store = createSpaceStore(root, () => undefined)
    expect((await store.append('s1', list[0] ?? new Uint8Array())).ok).toBe(true)
    await store.close()
    const late = await store.append('s2', list[1] ?? new Uint8Array())
    expect(late).toMatchObject({ ok: false, error: { code: 'storage' } })
    if (!late.ok) expect(late.error.message).toMatch(/relay is stopping/)
    expect((await store.load('s1')).ok).toBe(false)
    expect(await readdir(root)).toEqual(['s1'])
  })

  it('cuts a damaged tail, says so, and appends after the good data', async () => {
    const root = await freshDir()
    const { list, expected } = updates(3)
    const store = createSpaceStore(root, () => undefined)
    for (const u of list.slice(0, 2)) await store.append('s1', u)
    await appendFile(join(root, 's1', 'updates.log'), new Uint8Array([0, 0, 0, 9, 1, 2]))

    const warnings: string[] = []
    const reopened = createSpaceStore(root, (m) => warnings.push(m))
    expect(contentOf(await loadOk(reopened, 's1'))).toEqual(expected.slice(0, 2))
    expect(warnings.join()).toMatch(/cut 6 damaged bytes/)
    await reopened.append('s1', list[2] ?? new Uint8Array())
    expect(
      contentOf(
        await loadOk(
          createSpaceStore(root, () => undefined),
          's1',
        ),
      ),
    ).toEqual(expected)
  })

  it('folds a long log into an atomic snapshot without losing anything', async () => {
    const root = await freshDir()
    const { list, expected } = updates(2100)
    const store = createSpaceStore(root, () => undefined)
    const results = await Promise.all(list.map((u) => store.append('s1', u)))
    expect(results.every((r) => r.ok)).toBe(true)
    await store.close()
    const files = await readdir(join(root, 's1'))
    expect(files.sort()).toEqual(['snapshot.bin', 'updates.log'])
    expect((await stat(join(root, 's1', 'updates.log'))).size).toBeLessThan(2100 * 20)
    expect(
      contentOf(
        await loadOk(
          createSpaceStore(root, () => undefined),
          's1',
        ),
      ),
    ).toEqual(expected)
  })

  it('reports a storage failure as a value', async () => {
    const root = await freshDir()
    const blocked = join(root, 'file')
    await appendFile(blocked, 'not a directory')
    const store = createSpaceStore(blocked, () => undefined)
    const appended = await store.append('s1', new Uint8Array([0, 0]))
    expect(appended.ok).toBe(false)
    if (!appended.ok) expect(appended.error.code).toBe('storage')
  })
})
