import { contentSecurityPolicy } from '../../electron/services/content-security-policy'
import { UI_URL, expect, test } from './support/keepsake-app'

test('pages cannot navigate away from the app or open windows', async ({ keepsake }) => {
  const [page] = await keepsake.uiPages(1)
  if (page === undefined) throw new Error('no UI window')

  await page.evaluate(() => {
    window.location.href = 'https://example.com/'
  })
  await page.evaluate(() => {
    window.location.href = 'file:///etc/passwd'
  })
  expect(
    await keepsake.app.evaluate(({ webContents }) =>
      webContents.getAllWebContents().map((w) => w.getURL()),
    ),
  ).not.toContain('https://example.com/')
  expect(await page.evaluate(() => window.location.href)).toBe(UI_URL)

  const opened = await page.evaluate(() => [
    window.open('https://example.com/') === null,
    window.open('keepsake://app/index.html') === null,
    window.open('about:blank') === null,
  ])
  expect(opened).toEqual([true, true, true])
  expect(await keepsake.contentsIds(UI_URL)).toHaveLength(1)
})

test('pages run under the strict CSP, without Node and without permissions', async ({
  keepsake,
}) => {
  const [page] = await keepsake.uiPages(1)
  if (page === undefined) throw new Error('no UI window')

  const header = await page.evaluate(async () =>
    (await fetch(window.location.href)).headers.get('content-security-policy'),
  )
  expect(header).toBe(contentSecurityPolicy())

  expect(
    await page.evaluate(() => {
      try {
        return String(new Function('return 1')())
      } catch (error) {
        return error instanceof Error ? error.name : 'blocked'
      }
    }),
  ).toBe('EvalError')

  const violated = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener(
          'securitypolicyviolation',
          (event) => resolve(event.effectiveDirective),
          { once: true },
        )
        fetch('https://example.com/').catch(() => undefined)
      }),
  )
  expect(violated).toBe('connect-src')

  const inline = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener(
          'securitypolicyviolation',
          (event) => resolve(event.effectiveDirective),
          { once: true },
        )
        const script = document.createElement('script')
        script.textContent = 'document.documentElement.dataset.inlineRan = "yes"'
        document.head.append(script)
      }),
  )
  expect(inline).toBe('script-src-elem')
  expect(await page.evaluate(() => document.documentElement.dataset.inlineRan)).toBeUndefined()

  expect(
    await page.evaluate(() => [
      typeof Reflect.get(window, 'require'),
      typeof Reflect.get(window, 'process'),
    ]),
  ).toEqual(['undefined', 'undefined'])
  expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied')
})
