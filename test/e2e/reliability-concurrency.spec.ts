import type { Page } from '@playwright/test'
import { memoryTexts, messageTexts, requestOk, startBurst } from '../reliability/app-requests'
import { startBenchHarness } from '../reliability/bench-harness'
import { scale } from '../reliability/scale'
import { test, expect } from './fixtures'

const EACH = scale(40, 300)

test.describe.configure({ timeout: scale(180_000, 900_000) })

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await requestOk(page, 'app.status', {})
}

test('two tabs writing at once lose no update: both see everything, and so does a restart', async ({
  device,
}) => {
  const one = device.browser.page
  await open(one, device.host.url)
  const two = await device.browser.context.newPage()
  await open(two, device.host.url)
  const conversation = await requestOk<{ id: string }>(one, 'conversations.create', {
    title: 'Two tabs',
  })

  const acked: string[] = []
  const refused: { text: string; code: string; message: string }[] = []
  // Memory items and messages in one conversation, from both tabs, all in flight together.
  await Promise.all([
    startBurst(one, { prefix: 'tab one fact', count: EACH, kind: 'memory' }, acked, refused),
    startBurst(two, { prefix: 'tab two fact', count: EACH, kind: 'memory' }, acked, refused),
    startBurst(
      one,
      { prefix: 'tab one says', count: EACH, kind: 'message', conversationId: conversation.id },
      acked,
      refused,
    ),
    startBurst(
      two,
      { prefix: 'tab two says', count: EACH, kind: 'message', conversationId: conversation.id },
      acked,
      refused,
    ),
  ])
  await expect
    .poll(() => acked.length + refused.length, { timeout: scale(120_000, 600_000) })
    .toBe(4 * EACH)
  expect(refused).toEqual([])

  const expectEverything = async (page: Page): Promise<void> => {
    const memory = new Set(await memoryTexts(page))
    const said = new Set(await messageTexts(page, conversation.id))
    const lost = acked.filter((t) => !memory.has(t) && !said.has(t))
    expect(lost).toEqual([])
  }
  await expectEverything(one)
  await expectEverything(two)
  await device.crashAndRestart()
  await open(device.browser.page, device.host.url)
  await expectEverything(device.browser.page)
  console.log(
    `two tabs: ${acked.length} concurrent writes acknowledged, all present in both tabs and after SIGKILL`,
  )
})

test('two runtimes over one space database at once lose no acknowledged write', async ({
  device,
}) => {
  // Two runtimes at once over one database happens when a tab still runs an old build's worker while a
  // new tab starts the new one. Each compacts; neither may drop the rows the other wrote.
  const harness = await startBenchHarness()
  try {
    const bench = await harness.open(device.browser.page)
    const spaceId = 'two-runtimes'
    await bench.call('drop', spaceId)
    // Enough writes from each that both compact (every 400 update rows).
    const result = await bench.call('twoRuntimes', { spaceId, factsEach: 500, nowMs: Date.now() })
    console.log(
      `two runtimes: ${result.acknowledged} acknowledged, ${result.present} present after reopening`,
    )
    expect(result.present).toBe(result.acknowledged)
  } finally {
    await harness.close()
  }
})
