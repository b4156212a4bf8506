import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'

/**
 * What one send costs in events: the window counts every event the runtime sends it while a person
 * sends one message that the assistant remembers and answers. Each commit is told once: the user's
 * message, the reply, the memory item, and one list update per write of the conversation's entry.
 */
test('one send is told once per commit', async ({ device }) => {
  const page = device.browser.page
  const app = new KeepsakePage(page)
  await app.openReady(device.host.url)
  await app.say('Hello there')

  await page.evaluate(() => {
    type Client = { on(name: string, listener: (payload: unknown) => void): () => void }
    const w = window as unknown as {
      keepsakeClient: Client
      eventCounts: Record<string, number>
      eventBytes: Record<string, number>
    }
    w.eventCounts = {}
    w.eventBytes = {}
    for (const name of ['messages.appended', 'conversations.changed', 'memory.changed'])
      w.keepsakeClient.on(name, (payload) => {
        w.eventCounts[name] = (w.eventCounts[name] ?? 0) + 1
        w.eventBytes[name] = (w.eventBytes[name] ?? 0) + JSON.stringify(payload).length
      })
  })
  await app.say('Remember that I prefer pgvector over Pinecone')
  await expect(app.memoryItem('I prefer pgvector over Pinecone')).toHaveCount(1)
  // Quiet: whatever the send caused has been told (the entry's activity is written behind it).
  await page.waitForTimeout(1000)
  const { counts, bytes } = await page.evaluate(() => {
    const w = window as unknown as {
      eventCounts: Record<string, number>
      eventBytes: Record<string, number>
    }
    return { counts: w.eventCounts, bytes: w.eventBytes }
  })
  console.log(
    `events for one send: ${JSON.stringify(counts)}; JSON bytes: ${JSON.stringify(bytes)}`,
  )
  expect(counts['messages.appended']).toBe(2)
  expect(counts['memory.changed']).toBe(1)
  // The entry's last activity, written once behind the message and once behind the reply.
  expect(counts['conversations.changed']).toBeLessThanOrEqual(2)
})
