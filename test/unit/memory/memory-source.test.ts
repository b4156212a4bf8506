import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { sourceOf } from '../../../renderer/runtime/memory/memory-source'
import { editItem, rememberFact, setPreference } from '../../../renderer/runtime/memory/memory-ops'
import { ok } from '../../../shared/errors'
import type { Space } from '../../../renderer/runtime/space/space'
import { message, newDb, openSpace } from '../docs/space-harness'

async function conversationWith(space: Space, n: number): Promise<{ id: string; ids: string[] }> {
  const c = await space.createConversation('Talk', new Date())
  if (!c.ok) throw new Error(c.error.message)
  const messages = Array.from({ length: n }, (_, i) => message(`message ${i}`))
  await space.append(c.value.id, messages)
  return { id: c.value.id, ids: messages.map((m) => m.id) }
}

const at = new Date('2026-05-02T00:00:00.000Z')

describe('memory.source: where an item came from', () => {
  it('gives the conversation, the message and its index there', async () => {
    const space = await openSpace(newDb())
    await conversationWith(space, 3)
    const c = await conversationWith(space, 12)
    const source = { conversationId: c.id, messageId: c.ids[7]! }
    const item = await space.changeMemory((doc) =>
      ok(
        setPreference(doc, 'timezone', 'Europe/Berlin', 'My timezone is Europe/Berlin', {
          now: at,
          actor: 'assistant',
          source,
        }),
      ),
    )
    if (!item.ok) throw new Error(item.error.message)
    expect(await sourceOf(space, item.value.id)).toEqual(ok({ ...source, offset: 7 }))
    const page = await space.page(c.id, 7, 1)
    expect(page.ok && page.value[0]?.id).toBe(c.ids[7])
  })

  it('finds the conversation of a v1 item that only knew its message id', async () => {
    const space = await openSpace(newDb())
    const c = await conversationWith(space, 4)
    await space.state.change((doc) => {
      doc.getMap('memory').set('f-v1', {
        schemaVersion: 1,
        id: 'f-v1',
        kind: 'fact',
        text: 'I use pgvector',
        confirmedAt: '2026-01-05T09:01:00.000Z',
        sourceMessageId: c.ids[2],
      })
    })
    expect(await sourceOf(space, 'f-v1')).toEqual(
      ok({ conversationId: c.id, messageId: c.ids[2], offset: 2 }),
    )
  })

  it('an item corrected in the Memory panel points to the message of the version it replaced', async () => {
    const space = await openSpace(newDb())
    const c = await conversationWith(space, 2)
    const source = { conversationId: c.id, messageId: c.ids[1]! }
    const first = await space.changeMemory((doc) =>
      ok(rememberFact(doc, 'I use pgvecter', 'general', { now: at, actor: 'assistant', source })),
    )
    if (!first.ok) throw new Error(first.error.message)
    const edited = await space.changeMemory((doc) =>
      editItem(doc, first.value.id, 'I use pgvector', { now: at, actor: 'user', source: null }),
    )
    if (!edited.ok) throw new Error(edited.error.message)
    expect(await sourceOf(space, edited.value.id)).toEqual(ok({ ...source, offset: 1 }))
  })

  it('says why when there is no source message to show', async () => {
    const space = await openSpace(newDb())
    const typed = await space.changeMemory((doc) =>
      ok(rememberFact(doc, 'typed by hand', 'general', { now: at, actor: 'user', source: null })),
    )
    const missing = await space.changeMemory((doc) =>
      ok(
        rememberFact(doc, 'from another laptop', 'general', {
          now: at,
          actor: 'assistant',
          source: { conversationId: 'elsewhere', messageId: 'not-synced' },
        }),
      ),
    )
    if (!typed.ok || !missing.ok) throw new Error('could not remember')
    const a = await sourceOf(space, typed.value.id)
    const b = await sourceOf(space, missing.value.id)
    const c = await sourceOf(space, 'no-such-item')
    expect(!a.ok && a.error).toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('Memory panel'),
    })
    expect(!b.ok && b.error).toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('not on this device'),
    })
    expect(!c.ok && c.error.code).toBe('not-found')
  })
})
