import type { Page } from '@playwright/test'
import { launchBrowser } from '../support/browser-process'
import { startHost } from '../support/host-process'
import { memoryTexts, messageTexts, requestOk, startBurst } from '../reliability/app-requests'
import { scale } from '../reliability/scale'
import { test, expect, type Device } from './fixtures'

const CYCLES = scale(3, 20)
/** Writes started per burst (half memory items, half messages), and how many must be acknowledged before the kill. */
const BURST = scale(60, 200)
const KILL_AFTER = scale(15, 50)

test.describe.configure({ timeout: scale(240_000, 1_800_000) })

/** Opens the app on the device's current browser and waits for the runtime to answer. */
async function openApp(device: Device): Promise<Page> {
  const page = device.browser.page
  await page.goto(device.host.url)
  await requestOk(page, 'app.status', {})
  return page
}

/**
 * Runs `cycles` of: a burst of writes, SIGKILL (`kill`) once some are acknowledged, restart, and a
 * check that every write acknowledged so far, in any cycle, is still there.
 */
async function killCycles(device: Device, what: string, kill: () => Promise<void>): Promise<void> {
  let page = await openApp(device)
  const conversation = await requestOk<{ id: string }>(page, 'conversations.create', {
    title: 'Kill cycles',
  })
  const ackedMemory: string[] = []
  const ackedMessages: string[] = []
  let sent = 0
  let midStream = 0
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const memory: string[] = []
    const messages: string[] = []
    // Messages first: each `chat.send` does more work than a memory write, so it starts ahead.
    await startBurst(
      page,
      {
        prefix: `${what} cycle ${cycle} message`,
        count: BURST / 2,
        kind: 'message',
        conversationId: conversation.id,
      },
      messages,
    )
    await startBurst(
      page,
      { prefix: `${what} cycle ${cycle} fact`, count: BURST / 2, kind: 'memory' },
      memory,
    )
    sent += BURST
    await expect
      .poll(() => Math.min(memory.length, messages.length), { intervals: [5] })
      .toBeGreaterThanOrEqual(KILL_AFTER / 2)
    // What was acknowledged when the process died is what must survive.
    const atKill = { memory: [...memory], messages: [...messages] }
    await kill()
    if (atKill.memory.length + atKill.messages.length < BURST) midStream++
    ackedMemory.push(...atKill.memory)
    ackedMessages.push(...atKill.messages)

    page = await openApp(device)
    const remembered = new Set(await memoryTexts(page))
    const said = new Set(await messageTexts(page, conversation.id))
    const lostMemory = ackedMemory.filter((t) => !remembered.has(t))
    const lostMessages = ackedMessages.filter((t) => !said.has(t))
    expect(lostMemory, `memory items acknowledged before kill ${cycle + 1} and lost`).toEqual([])
    expect(lostMessages, `messages acknowledged before kill ${cycle + 1} and lost`).toEqual([])
  }
  console.log(
    `${what}: ${CYCLES} SIGKILL cycles (${midStream} while writes were in flight); ` +
      `${sent} writes sent, ${ackedMemory.length + ackedMessages.length} acknowledged before a kill ` +
      `(${ackedMemory.length} memory items, ${ackedMessages.length} messages); lost: 0`,
  )
}

test('acknowledged writes survive repeated SIGKILL of every browser process', async ({
  device,
}) => {
  await killCycles(device, 'browser kill', async () => {
    await device.browser.killAll()
    device.browser = await launchBrowser(device.profileDir)
  })
})

test('acknowledged writes survive repeated SIGKILL of the host', async ({ device }) => {
  await killCycles(device, 'host kill', async () => {
    const { port, dataDir } = device.host
    await device.host.kill()
    device.host = await startHost({ port, dataDir })
  })
})
