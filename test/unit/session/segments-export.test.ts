import 'fake-indexeddb/auto'
import { describe, expect, test } from 'vitest'
import { messagesOf } from '../../../shared/docs'
import type { SessionEncoding } from '../../../shared/session/codec'
import type { Message } from '../../../shared/schema/current'
import { message } from '../docs/space-harness'
import { receiveSegment } from '../docs/segment-writer'
import { exportBytes, importBytes, observe, profile } from './runtime-harness'

/** A profile whose space has a conversation with messages in its own document and two segments. */
async function segmentedProfile() {
  const p = await profile()
  const space = p.space()
  const c = await space.createConversation('Long one', new Date())
  if (!c.ok) throw new Error(c.error.message)
  const own = [message('in its own document')]
  const s0 = [message('in segment 0')]
  const s1 = [message('in segment 1, first'), message('in segment 1, second')]
  expect((await space.append(c.value.id, own)).ok).toBe(true)
  await receiveSegment(space, c.value.id, 0, s0)
  await receiveSegment(space, c.value.id, 1, s1)
  await space.settle()
  return { p, id: c.value.id, all: [...own, ...s0, ...s1] }
}

describe('exporting a conversation with segments', () => {
  for (const encoding of ['json', 'msgpack'] as SessionEncoding[]) {
    test(`${encoding}: a new space from the file holds every message of every segment, in order`, async () => {
      const { p, id, all } = await segmentedProfile()
      const bytes = await exportBytes(p.space(), encoding)
      const fresh = await profile()
      const name = encoding === 'json' ? 'space.keepsake.json' : 'space.keepsake'
      const imported = await importBytes(fresh.target(), name, bytes, 'new-space')
      if (!imported.ok) throw new Error(imported.error.message)
      const space = fresh.space()
      const page = await space.page(id, 0, 100)
      if (!page.ok) throw new Error(page.error.message)
      expect(page.value).toEqual(all)
      // The segments came across as they are, and the next message goes on in the newest.
      expect(await space.segments(id)).toEqual([0, 1])
      const s1 = await space.segment(id, 1)
      if (!s1.ok) throw new Error(s1.error.message)
      expect(messagesOf(s1.value.doc).length).toBe(2)
    })
  }

  test('the file says format v2 only when a conversation has segments', async () => {
    const { p } = await segmentedProfile()
    const text = new TextDecoder().decode(await exportBytes(p.space(), 'json'))
    const file = JSON.parse(text) as {
      formatVersion: number
      conversations: { segments?: { n: number; count: number }[] }[]
    }
    expect(file.formatVersion).toBe(2)
    expect(file.conversations[0]?.segments?.map((s) => [s.n, s.count])).toEqual([
      [0, 1],
      [1, 2],
    ])
    const plain = await profile()
    const c = await plain.space().createConversation('Short one', new Date())
    if (!c.ok) throw new Error(c.error.message)
    expect((await plain.space().append(c.value.id, [message('just one')])).ok).toBe(true)
    const plainFile = JSON.parse(
      new TextDecoder().decode(await exportBytes(plain.space(), 'json')),
    ) as { formatVersion: number; conversations: object[] }
    expect(plainFile.formatVersion).toBe(1)
    expect(plainFile.conversations[0]).not.toHaveProperty('segments')
  })

  test('a segment holding a record that cannot be read still exports and imports, the record set aside', async () => {
    const p = await profile()
    const space = p.space()
    const c = await space.createConversation('With a broken one', new Date())
    if (!c.ok) throw new Error(c.error.message)
    const own = [message('in its own document')]
    const good = message('readable, in segment 0')
    expect((await space.append(c.value.id, own)).ok).toBe(true)
    const broken = {
      schemaVersion: 2,
      id: 'broken-in-segment',
      role: 'robot',
    } as unknown as Message
    await receiveSegment(space, c.value.id, 0, [good, broken])
    await space.settle()
    const bytes = await exportBytes(space, 'json')
    const fresh = await profile()
    const imported = await importBytes(fresh.target(), 'space.keepsake.json', bytes, 'new-space')
    if (!imported.ok) throw new Error(imported.error.message)
    const page = await fresh.space().page(c.value.id, 0, 10)
    if (!page.ok) throw new Error(page.error.message)
    expect(page.value.map((m) => m.text)).toEqual([...own, good].map((m) => m.text))
  })

  test('a segment whose count disagrees with its state is refused with where, and nothing is imported', async () => {
    const { p } = await segmentedProfile()
    const file = JSON.parse(new TextDecoder().decode(await exportBytes(p.space(), 'json'))) as {
      conversations: { segments: { count: number }[] }[]
    }
    const segment = file.conversations[0]?.segments[1]
    if (segment) segment.count = 1
    const fresh = await profile()
    const before = await observe(fresh.space())
    const imported = await importBytes(
      fresh.target(),
      'space.keepsake.json',
      new TextEncoder().encode(JSON.stringify(file)),
      'merge',
    )
    expect(imported.ok).toBe(false)
    if (!imported.ok)
      expect(imported.error.message).toContain(
        'conversations[0].segments[1].yjs: holds 2 messages, not the 1 it lists',
      )
    expect(await observe(fresh.space())).toBe(before)
  })

  test('merging the file back into the space it came from adds nothing', async () => {
    const { p, id } = await segmentedProfile()
    const before = await observe(p.space())
    const bytes = await exportBytes(p.space(), 'json')
    const merged = await importBytes(p.target(), 'space.keepsake.json', bytes, 'merge')
    if (!merged.ok) throw new Error(merged.error.message)
    expect(await observe(p.space())).toBe(before)
    // The segments' messages were not copied into the conversation's own document.
    const own = await p.space().conversation(id)
    if (!own.ok) throw new Error(own.error.message)
    expect(messagesOf(own.value.doc).length).toBe(1)
  })
})
