import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'

test('a conversation and its memory survive SIGKILL of the browser and the host', async ({
  device,
}) => {
  let app = new KeepsakePage(device.browser.page)
  await app.open(device.host.url)

  await app.say('Remember that I prefer pgvector over Pinecone')
  await expect(app.lastReply()).toContainText('Noted: you prefer pgvector over Pinecone')
  await app.say('My timezone is America/New_York')
  await expect(app.lastReply()).toContainText('America/New_York')
  await expect(app.memoryItems.filter({ hasText: 'I prefer pgvector over Pinecone' })).toHaveCount(
    1,
  )
  await expect(app.memoryItems.filter({ hasText: 'America/New_York' })).toHaveCount(1)
  await expect(app.memoryItems.filter({ hasText: 'Confirmed' })).toHaveCount(2)

  const killed = await device.browser.pids()
  expect(killed.length).toBeGreaterThan(0)
  await device.crashAndRestart()

  app = new KeepsakePage(device.browser.page)
  await app.open(device.host.url)
  await expect(app.conversation).toContainText('Remember that I prefer pgvector over Pinecone')
  await expect(app.conversation).toContainText('My timezone is America/New_York')
  await expect(app.memoryItems.filter({ hasText: 'I prefer pgvector over Pinecone' })).toHaveCount(
    1,
  )
  await expect(app.memoryItems.filter({ hasText: 'America/New_York' })).toHaveCount(1)

  await app.say('What do you know about me?')
  await expect(app.lastReply()).toContainText('You prefer pgvector over Pinecone')
  await expect(app.lastReply()).toContainText('Your timezone is America/New_York')
  await device.browser.page.screenshot({ path: 'test-results/screens/after-restart.png' })
})

test('every acknowledged write survives SIGKILL mid-stream', async ({ device }) => {
  let app = new KeepsakePage(device.browser.page)
  await app.open(device.host.url)
  await expect(app.memory).toBeVisible()

  // Acknowledgements are reported to the test as they resolve; the browser is killed once 200 have
  // come back while hundreds more are still in flight.
  const acked: string[] = []
  await device.browser.page.exposeFunction('reportAck', (text: string) => acked.push(text))
  await device.browser.page.evaluate(() => {
    type Client = { request(name: string, input: unknown): Promise<{ ok: boolean }> }
    const w = window as unknown as { keepsakeClient: Client; reportAck(text: string): void }
    for (let i = 0; i < 1000; i++) {
      const text = `burst fact number ${i}`
      void w.keepsakeClient.request('memory.remember', { text }).then((r) => {
        if (r.ok) w.reportAck(text)
      })
    }
  })
  await expect.poll(() => acked.length, { intervals: [5] }).toBeGreaterThanOrEqual(200)
  const ackedAtKill = [...acked]
  await device.crashAndRestart()

  app = new KeepsakePage(device.browser.page)
  await app.open(device.host.url)
  const remembered = await device.browser.page.evaluate(async () => {
    type Client = {
      request(
        name: string,
        input: unknown,
      ): Promise<{ ok: boolean; value?: { items: { item: { text: string } }[] } }>
    }
    const w = window as unknown as { keepsakeClient?: Client }
    for (let i = 0; i < 100 && !w.keepsakeClient; i++) await new Promise((r) => setTimeout(r, 50))
    const r = await w.keepsakeClient!.request('memory.list', {})
    return r.value?.items.map((v) => v.item.text) ?? []
  })
  const present = new Set(remembered)
  const lost = ackedAtKill.filter((t) => !present.has(t))
  console.log(
    `acknowledged before kill: ${ackedAtKill.length} of 1000 sent; present after restart: ${remembered.length}; lost: ${lost.length}`,
  )
  expect(ackedAtKill.length).toBeLessThan(1000)
  expect(lost).toEqual([])
})
