import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import WebSocket from 'ws'
import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'

/** A laptop window; the default headless page is smaller than any desktop window. */
const DESKTOP = { width: 1360, height: 860 }

const DAY = 86_400_000

/**
 * Moves the runtime's clock `offsetMs` ahead, from the first line it runs. The runtime lives in a
 * SharedWorker, which Playwright's clock API does not reach (it installs into pages only), so this does
 * for the worker what `clock.install` does for a page: over the browser's DevTools connection it pauses
 * every new shared worker before it starts, replaces its `Date` with one that runs `offsetMs` ahead, and
 * lets it go. Returns a function that closes the connection.
 */
async function shiftWorkerClock(profileDir: string, offsetMs: number): Promise<() => void> {
  const [port, path] = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n')
  const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`)
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  let id = 0
  const send = (method: string, params: object, sessionId?: string): void =>
    ws.send(JSON.stringify({ id: ++id, method, params, ...(sessionId ? { sessionId } : {}) }))
  const shift = `(() => {
    const Real = Date, offset = ${offsetMs}
    globalThis.Date = new Proxy(Real, {
      construct: (t, args, nt) => Reflect.construct(t, args.length === 0 ? [Real.now() + offset] : args, nt),
      apply: () => new Real(Real.now() + offset).toString(),
      get: (t, p, r) => (p === 'now' ? () => Real.now() + offset : Reflect.get(t, p, r)),
    })
  })()`
  ws.on('message', (data: WebSocket.RawData) => {
    const m = JSON.parse(String(data)) as {
      method?: string
      params?: { sessionId: string; targetInfo: { type: string } }
    }
    if (m.method !== 'Target.attachedToTarget' || !m.params) return
    const { sessionId, targetInfo } = m.params
    if (targetInfo.type === 'shared_worker')
      send('Runtime.evaluate', { expression: shift }, sessionId)
    send('Runtime.runIfWaitingForDebugger', {}, sessionId)
  })
  send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: true,
    flatten: true,
    filter: [{ type: 'shared_worker', exclude: false }, { exclude: true }],
  })
  return () => ws.close()
}

test('after a restart past its freshness, a fact is flagged and the assistant asks before using it', async ({
  device,
}) => {
  let app = new KeepsakePage(device.browser.page)
  await device.browser.page.setViewportSize(DESKTOP)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.say('Remember that I work at Northwind Labs')
  await app.say('My timezone is America/New_York')
  const fact = () => app.memoryItems.filter({ hasText: 'I work at Northwind Labs' })
  const timezone = () => app.memoryItems.filter({ hasText: 'America/New_York' })
  await fact().getByRole('button', { name: 'Confirm' }).click()
  await expect(fact()).toHaveCount(1)
  await expect(fact().getByText('Needs re-verify')).toHaveCount(0)

  // 100 days later: past the 90 days facts stay fresh, within the 180 days of preferences.
  await device.crashAndRestart()
  const later = Date.now() + 100 * DAY
  const closeClock = await shiftWorkerClock(device.profileDir, 100 * DAY)
  try {
    await device.browser.context.clock.install({ time: later })
    app = new KeepsakePage(device.browser.page)
    await device.browser.page.setViewportSize(DESKTOP)
    await app.openReady(device.host.url)
    // The runtime itself now reads the later time (not only the page).
    type View = { items: { item: { text: string }; freshness: string }[] }
    const list = await app.request<View>('memory.list', {})
    expect(list.value?.items.map((v) => [v.item.text, v.freshness])).toContainEqual([
      'I work at Northwind Labs',
      'needs-reverify',
    ])

    await expect(fact().getByText('Needs re-verify')).toBeVisible()
    await expect(timezone()).toHaveCount(1)
    await expect(timezone().getByText('Needs re-verify')).toHaveCount(0)

    await app.say('hi')
    const reply = app.lastReply()
    await expect(reply).toContainText('please confirm')
    await expect(reply).toContainText('You work at Northwind Labs')
    await expect(reply).not.toContainText('Your timezone is America/New_York')

    // Confirming it makes it fresh again; later replies no longer ask.
    await fact().getByRole('button', { name: 'Confirm' }).click()
    await expect(fact().getByText('Needs re-verify')).toHaveCount(0)
    await app.say('hi')
    await expect(app.lastReply()).not.toContainText('please confirm')
  } finally {
    closeClock()
  }
})
