import { memoryTexts, request, requestOk } from '../reliability/app-requests'
import { scale } from '../reliability/scale'
import { test, expect } from './fixtures'

/** Room left above what the app already uses when the quota is lowered. */
const HEADROOM_BYTES = scale(128 * 1024, 1024 * 1024)
const FILLER = 'x'.repeat(4000)

test.describe.configure({ timeout: scale(180_000, 600_000) })

test('when storage is full the person is told so, and everything saved before is intact after a restart', async ({
  device,
}) => {
  let page = device.browser.page
  await page.goto(device.host.url)
  await requestOk(page, 'app.status', {})
  const conversation = await requestOk<{ id: string }>(page, 'conversations.create', {
    title: 'Filling the disk',
  })
  await requestOk(page, 'chat.send', {
    conversationId: conversation.id,
    text: 'Remember that I prefer pgvector over Pinecone',
  })

  // Chromium's own quota for this origin, lowered to just above what is used now.
  const origin = new URL(device.host.url).origin
  const cdp = await device.browser.context.newCDPSession(page)
  const usage = await cdp.send('Storage.getUsageAndQuota', { origin })
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin,
    quotaSize: usage.usage + HEADROOM_BYTES,
  })

  const acked: string[] = []
  let refusal: { code: string; message: string } | null = null
  for (let i = 0; refusal === null && i < 5_000; i++) {
    const text = `filler fact ${i} ${FILLER}`
    const r = await request(page, 'memory.remember', { text })
    if (r.ok) acked.push(text)
    else refusal = { code: r.error?.code ?? '', message: r.error?.message ?? '' }
  }
  console.log(
    `storage refused after ${acked.length} acknowledged writes: ${JSON.stringify(refusal)}`,
  )
  expect(refusal?.code).toBe('storage-quota')
  expect(refusal?.message).toContain('storage for Keepsake is full')

  // Through the UI: the person sees why their message was not sent.
  await page
    .getByRole('button', { name: /Filling the disk/ })
    .first()
    .click()
  await page.getByRole('textbox', { name: 'Message' }).fill(`one more message ${FILLER}`)
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  await expect(page.getByText(/storage for Keepsake is full/).first()).toBeVisible()
  // The message that could not be saved is back in the box, not lost.
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue(
    `one more message ${FILLER}`,
  )

  await device.crashAndRestart()
  page = device.browser.page
  await page.goto(device.host.url)
  await requestOk(page, 'app.status', {})
  const remembered = new Set(await memoryTexts(page))
  const lost = acked.filter((t) => !remembered.has(t))
  expect(lost).toEqual([])
  const view = await requestOk<{ quarantineCount: number }>(page, 'memory.list', {})
  expect(view.quarantineCount).toBe(0)
  const messages = await requestOk<{ messages: { text: string }[] }>(
    page,
    'conversations.messages',
    {
      id: conversation.id,
      offset: 0,
      limit: 50,
    },
  )
  expect(messages.messages[0]?.text).toBe('Remember that I prefer pgvector over Pinecone')
  // With room again, it works as before.
  await requestOk(page, 'memory.remember', { text: 'written after the restart' })
  console.log(`after restart: all ${acked.length} acknowledged writes present, nothing quarantined`)
})
