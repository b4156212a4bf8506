import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { SpaceDb } from '../../../renderer/runtime/db/space-db'
import { conversationsMap, messagesOf } from '../../../shared/docs'
import { Space } from '../../../renderer/runtime/space/space'
import { ORPHAN_TITLE, listOrphans } from '../../../renderer/runtime/sync-service/orphan-entries'
import { spaceTarget } from '../../../renderer/runtime/sync-service/space-target'

const quiet = {
  memoryChanged: () => undefined,
  conversationsChanged: () => undefined,
  messagesAppended: () => undefined,
  messagesRemoved: () => undefined,
  nameChanged: () => undefined,
  storageFailed: (message: string) => {
    throw new Error(message)
  },
}

async function openSpace(): Promise<Space> {
  const id = crypto.randomUUID()
  const opened = await Space.open(new SpaceDb(id), id, 'Test memory', quiet)
  if (!opened.ok) throw new Error(opened.error.message)
  return opened.value
}

const now = new Date('2026-06-01T12:00:00.000Z')

describe('the sync target of a space', () => {
  it('lists the space doc and every conversation the list knows, and hands out live docs', async () => {
    const space = await openSpace()
    const c = await space.createConversation('Plans', now)
    if (!c.ok) throw new Error(c.error.message)
    const target = spaceTarget(space)
    expect(await target.listDocIds()).toEqual({
      ok: true,
      value: ['space', `conversation:${c.value.id}`],
    })
    const doc = await target.getDoc(`conversation:${c.value.id}`)
    const live = await space.conversation(c.value.id)
    expect(doc.ok && live.ok && doc.value === live.value.doc).toBe(true)
    expect(target.orphans.size).toBe(0)
    const other = await target.getDoc('settings')
    expect(other.ok).toBe(false)
  })

  it('lists a conversation that arrived without its entry, dated from its messages', async () => {
    const space = await openSpace()
    const target = spaceTarget(space)
    const doc = await target.getDoc('conversation:lonely')
    if (!doc.ok) throw new Error(doc.error.message)
    doc.value.getMap('meta').set('createdAt', '2026-05-01T08:00:00.000Z')
    messagesOf(doc.value).push([
      { id: 'm1', createdAt: '2026-05-01T08:01:00.000Z' },
      { id: 'm2', createdAt: '2026-05-02T09:30:00.000Z' },
    ])
    expect([...target.orphans]).toEqual(['lonely'])

    expect(await listOrphans(space, target.orphans, now)).toEqual({ ok: true, value: ['lonely'] })
    expect(conversationsMap(space.state.doc).get('lonely')).toEqual({
      schemaVersion: 2,
      id: 'lonely',
      title: ORPHAN_TITLE,
      createdAt: '2026-05-01T08:00:00.000Z',
      updatedAt: '2026-05-02T09:30:00.000Z',
      deletedAt: null,
    })
    expect((await space.summaries()).map((s) => s.title)).toEqual([ORPHAN_TITLE])
  })

  it('never overwrites an entry that arrived meanwhile', async () => {
    const space = await openSpace()
    const c = await space.createConversation('Named on the other laptop', now)
    if (!c.ok) throw new Error(c.error.message)
    expect(await listOrphans(space, [c.value.id], now)).toEqual({ ok: true, value: [] })
    expect((await space.summaries()).map((s) => s.title)).toEqual(['Named on the other laptop'])
  })
})
