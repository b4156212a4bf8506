import 'fake-indexeddb/auto'
import { expect, it } from 'vitest'
import { message, newDb, openSpace } from './space-harness'

it('every page is the same slice of the history, read from the start or from the end', async () => {
  const space = await openSpace(newDb())
  const c = await space.createConversation('Paging', new Date())
  if (!c.ok) throw new Error(c.error.message)
  const all = Array.from({ length: 25 }, (_, i) => message(`message ${i}`))
  // Two appends at once: rows whose order comes from the index, not from one write.
  expect((await space.append(c.value.id, all.slice(0, 12))).ok).toBe(true)
  expect((await space.append(c.value.id, all.slice(12))).ok).toBe(true)
  const ids = all.map((m) => m.id)
  for (const limit of [1, 5, 10, 30]) {
    for (let offset = 0; offset <= 26; offset++) {
      const page = await space.page(c.value.id, offset, limit)
      expect(page.ok && page.value.map((m) => m.id), `offset ${offset}, limit ${limit}`).toEqual(
        ids.slice(offset, offset + limit),
      )
    }
  }
})
