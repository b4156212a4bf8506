import type { Page } from '@playwright/test'
import { requestOk, messageTexts } from '../reliability/app-requests'
import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'

/** How many times the browser is killed at the moment a "Saved" badge appears. */
const ROUNDS = Number(process.env.SAVED_KILL_ROUNDS ?? 8)
/** How long a busy round keeps the space's writes waiting behind another transaction. */
const BUSY_MS = 3000

test.describe.configure({ timeout: 60_000 + ROUNDS * 30_000 })

/**
 * Reports each "Saved" badge the moment it is in the page: the text of the user message it marks.
 * The report is a CDP binding, so the test hears it without polling.
 */
async function watchSavedBadges(page: Page, seen: (text: string) => void): Promise<void> {
  await page.exposeFunction('savedBadgeShown', seen)
  await page.evaluate(() => {
    const told = new Set<Element>()
    const w = window as unknown as { savedBadgeShown(text: string): void }
    const scan = (): void => {
      for (const badge of document.querySelectorAll('article .saved')) {
        const article = badge.closest('article')
        if (!article || told.has(article)) continue
        told.add(article)
        w.savedBadgeShown(article.querySelector('.message-body, .text, p')?.textContent ?? '')
      }
    }
    // Every badge already shown (restored messages) is known before the new message is sent.
    scan()
    new MutationObserver(scan).observe(document.body, { childList: true, subtree: true })
  })
}

/**
 * Holds a read-write transaction on the space's memory table for `ms`, as a slow disk or another
 * writer would: every document write includes that table, so nothing can be stored until it ends,
 * while reading (opening a conversation's document) goes on.
 */
async function holdWrites(page: Page, ms: number): Promise<void> {
  await page.evaluate(async (ms) => {
    const name = (await indexedDB.databases())
      .map((d) => d.name ?? '')
      .find((n) => n.startsWith('keepsake-space-'))
    if (!name) throw new Error('no space database in this profile')
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name)
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const store = db.transaction(['memory'], 'readwrite').objectStore('memory')
    const until = Date.now() + ms
    // A transaction stays open while it has requests; this one keeps asking until `until`.
    const spin = (): void => {
      if (Date.now() < until) store.count().onsuccess = spin
    }
    await new Promise<void>((resolve) => {
      store.count().onsuccess = () => {
        spin()
        resolve()
      }
    })
  }, ms)
}

test('every message that showed "Saved" is there after a kill at that moment', async ({
  device,
}) => {
  const shownSaved: string[] = []
  let conversationId = ''
  for (let round = 0; round < ROUNDS; round++) {
    const page = device.browser.page
    const app = new KeepsakePage(page)
    await app.openReady(device.host.url)
    if (round === 0) {
      const created = await requestOk<{ id: string }>(page, 'conversations.create', {
        title: 'Kill at Saved',
      })
      conversationId = created.id
    }
    await app.openConversation('Kill at Saved')
    const text = `round ${round}: the badge must not lie`
    // The kill happens inside the report: nothing else runs in the browser after the badge.
    const pids = device.browser.pids()
    let killedAt: string | null = null
    await watchSavedBadges(page, (shown) => {
      if (!shown.includes(text) || killedAt !== null) return
      killedAt = shown
      shownSaved.push(text)
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL')
        } catch {
          // Already gone.
        }
      }
    })
    await app.message.click()
    await page.keyboard.type(text, { delay: 5 })
    // Every other round writes wait as the message is sent, so a badge shown before the write
    // would be caught.
    if (round % 2 === 1) await holdWrites(page, BUSY_MS)
    const sentAt = Date.now()
    // The badge (and the kill) may come before the key press has even returned.
    await page.keyboard.press('Enter').catch((e: unknown) => {
      if (killedAt === null) throw e
    })
    await expect.poll(() => killedAt, { timeout: 20_000 }).not.toBeNull()
    console.log(`round ${round}: badge after ${Date.now() - sentAt} ms`)
    await device.crashAndRestart()
  }

  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  const present = new Set(await messageTexts(device.browser.page, conversationId))
  const lost = shownSaved.filter((t) => !present.has(t))
  console.log(`killed at "Saved" ${shownSaved.length} times; lost after restart: ${lost.length}`)
  expect(shownSaved).toHaveLength(ROUNDS)
  expect(lost).toEqual([])
})
