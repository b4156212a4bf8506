import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, type Page } from '@playwright/test'
import { startRelayProcess, type RelayProcess } from '../support/relay-process'
import { Laptop } from './pages/sync-page'

let paired: RelayProcess
let stranger: RelayProcess
let laptop: Laptop | null = null

test.beforeAll(async () => {
  paired = await startRelayProcess({ dataDir: mkdtempSync(join(tmpdir(), 'keepsake-relay-')) })
  stranger = await startRelayProcess({ dataDir: mkdtempSync(join(tmpdir(), 'keepsake-relay-')) })
})
test.afterEach(async () => {
  await laptop?.close()
  laptop = null
})
test.afterAll(async () => {
  await Promise.all([paired.stop(), stranger.stop()])
})

/**
 * What happens when the app's page opens a WebSocket to `url`: `open`, or `blocked` when the CSP
 * refused it (a securitypolicyviolation for connect-src, or the constructor's SecurityError).
 */
const trySocket = (page: Page, url: string): Promise<string> =>
  page.evaluate(
    (target) =>
      new Promise<string>((resolve) => {
        let violation = ''
        document.addEventListener('securitypolicyviolation', (e) => {
          if (e.blockedURI.startsWith(target.replace(/\/$/, ''))) violation = e.effectiveDirective
        })
        try {
          const socket = new WebSocket(target)
          socket.onopen = () => {
            socket.close()
            resolve('open')
          }
          socket.onerror = () =>
            setTimeout(() => resolve(violation ? `blocked by ${violation}` : 'error'), 200)
        } catch (e) {
          resolve(violation ? `blocked by ${violation}` : `threw ${(e as Error).name}`)
        }
      }),
    url,
  )

test('the app can open sockets only to relays this profile paired with', async () => {
  laptop = await Laptop.open('laptop A')
  const page = laptop.app.page
  // Before pairing, no relay is allowed: neither the one about to be paired nor any other.
  expect(await trySocket(page, paired.url)).toBe('blocked by connect-src')
  expect(await trySocket(page, stranger.url)).toBe('blocked by connect-src')

  // Pairing allows that relay (the runtime reloads under the new policy) and sync works through it.
  await laptop.sync.createPairing(paired.url, 'laptop A')
  await laptop.sync.expectConnected()
  await laptop.sync.closeDialog()

  // Pages loaded from now on carry the new policy: the paired relay only.
  await page.reload()
  await expect(laptop.app.chatTitle).toBeVisible()
  const csp = await page.evaluate(async () =>
    (await fetch(window.location.href)).headers.get('content-security-policy'),
  )
  expect(csp).toContain(`connect-src 'self' ${paired.url.replace(/\/$/, '')}`)
  expect(await trySocket(page, paired.url)).toBe('open')
  expect(await trySocket(page, stranger.url)).toBe('blocked by connect-src')

  // Unpairing takes the relay out again: pages loaded after it may not reach it.
  await laptop.sync.open()
  await laptop.sync.unpair.click()
  await expect(laptop.sync.status).toContainText('Not paired')
  await laptop.sync.closeDialog()
  await page.reload()
  await expect(laptop.app.chatTitle).toBeVisible()
  expect(await trySocket(page, paired.url)).toBe('blocked by connect-src')
})
