import 'fake-indexeddb/auto'
import { Dexie } from 'dexie'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { RegistryDb, SpaceDb } from '../../../renderer/runtime/db/space-db'
import { Space } from '../../../renderer/runtime/space/space'
import { deleteSpace } from '../../../renderer/runtime/spaces/delete-space'
import { renameClosedSpace } from '../../../renderer/runtime/spaces/rename-space'
import { readSpaceStats } from '../../../renderer/runtime/spaces/space-stats'
import { metaMap } from '../../../shared/docs'
import { message, recordingListener } from '../docs/space-harness'

const open = async (id: string, names: string[] = []): Promise<Space> => {
  const listener = { ...recordingListener(), nameChanged: (n: string) => void names.push(n) }
  const r = await Space.open(new SpaceDb(id), id, 'My memory', listener)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('spaces', () => {
  it('tells of a name changed here or by another device once it is stored', async () => {
    const names: string[] = []
    const space = await open(`s-${crypto.randomUUID()}`, names)
    expect((await space.rename('Work')).ok).toBe(true)
    expect(space.name).toBe('Work')
    // Another device's rename arrives as a document update.
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(space.state.doc))
    metaMap(other).set('name', 'Work laptop notes')
    Y.applyUpdate(
      space.state.doc,
      Y.encodeStateAsUpdate(other, Y.encodeStateVector(space.state.doc)),
    )
    await space.settle()
    expect(names).toEqual(['Work', 'Work laptop notes'])
    space.close()
  })

  it('counts what a closed space holds, renames it in its document and deletes its database', async () => {
    const registry = new RegistryDb()
    const id = `s-${crypto.randomUUID()}`
    const openId = `s-${crypto.randomUUID()}`
    await registry.spaces.put({ id, name: 'My memory', createdAt: '2026-05-01T10:00:00.000Z' })
    const space = await open(id)
    const created = await space.createConversation('Bees', new Date('2026-05-01T10:00:00.000Z'))
    if (!created.ok) throw new Error(created.error.message)
    const appended = await space.append(created.value.id, [
      message('I keep bees'),
      message('The hive is behind the shed'),
    ])
    expect(appended.ok).toBe(true)
    await space.settle()
    space.close()

    expect(await readSpaceStats(id)).toEqual({ conversations: 1, messages: 2, memory: 0 })
    expect((await renameClosedSpace(registry, id, 'Garden')).ok).toBe(true)
    expect((await registry.spaces.get(id))?.name).toBe('Garden')
    const reopened = await open(id)
    expect(reopened.name).toBe('Garden')
    reopened.close()

    const refused = await deleteSpace(registry, openId, openId)
    expect(refused.ok).toBe(false)
    await registry.spaces.put({ id: openId, name: 'Open', createdAt: '2026-05-01T10:00:00.000Z' })
    const openRefused = await deleteSpace(registry, openId, openId)
    expect(!openRefused.ok && openRefused.error.message).toContain('Open another space first')

    const deleted = await deleteSpace(registry, id, openId)
    expect(deleted.ok && deleted.value.conversationIds).toEqual([created.value.id])
    expect(await Dexie.exists(`keepsake-space-${id}`)).toBe(false)
    expect(await registry.spaces.get(id)).toBeUndefined()
    // A space that is gone holds nothing, and reading it does not make its database again.
    expect(await readSpaceStats(id)).toEqual({ conversations: 0, messages: 0, memory: 0 })
    expect(await Dexie.exists(`keepsake-space-${id}`)).toBe(false)
    registry.close()
  })
})
