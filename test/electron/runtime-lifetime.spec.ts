import { RUNTIME_URL, UI_URL, expect, test } from './support/keepsake-app'

test('the runtime keeps running while UI windows close and reopen', async ({ keepsake }) => {
  const { app } = keepsake
  await keepsake.uiPages(1)
  await expect.poll(() => keepsake.contentsIds(RUNTIME_URL)).toHaveLength(1)
  const runtimeBefore = await keepsake.contentsIds(RUNTIME_URL)

  await app.evaluate(({ Menu }) =>
    Menu.getApplicationMenu()?.getMenuItemById('new-window')?.click(),
  )
  await keepsake.uiPages(2)
  const [first] = await keepsake.contentsIds(UI_URL)
  await app.evaluate(({ BrowserWindow, webContents }, id) => {
    const contents = webContents.fromId(id)
    if (contents !== undefined) BrowserWindow.fromWebContents(contents)?.close()
  }, first ?? -1)
  await expect.poll(() => keepsake.contentsIds(UI_URL)).toHaveLength(1)
  expect(await keepsake.contentsIds(RUNTIME_URL)).toEqual(runtimeBefore)

  await app.evaluate(({ Menu }) =>
    Menu.getApplicationMenu()?.getMenuItemById('new-window')?.click(),
  )
  const pages = await keepsake.uiPages(2)
  for (const page of pages) {
    expect(await page.evaluate(() => 'keepsake' in window)).toBe(true)
  }
  expect(await keepsake.contentsIds(RUNTIME_URL)).toEqual(runtimeBefore)
})

test('a crashed runtime is restarted and every UI window gets a new port', async ({ keepsake }) => {
  const { app } = keepsake
  await app.evaluate(({ Menu }) =>
    Menu.getApplicationMenu()?.getMenuItemById('new-window')?.click(),
  )
  const pages = await keepsake.uiPages(2)
  await expect.poll(() => keepsake.contentsIds(RUNTIME_URL)).toHaveLength(1)
  const [crashed] = await keepsake.contentsIds(RUNTIME_URL)
  for (const page of pages) {
    await page.evaluate(() => {
      window.addEventListener('message', (event: MessageEvent<unknown>) => {
        const data = event.data
        const isPort =
          typeof data === 'object' &&
          data !== null &&
          'type' in data &&
          data.type === 'keepsake:runtime-port'
        if (!isPort || event.ports.length !== 1) return
        const seen = Number(document.documentElement.dataset.portsSeen ?? '0')
        document.documentElement.dataset.portsSeen = String(seen + 1)
      })
    })
  }

  await app.evaluate(
    ({ webContents }, id) => webContents.fromId(id)?.forcefullyCrashRenderer(),
    crashed ?? -1,
  )

  await expect
    .poll(async () => (await keepsake.contentsIds(RUNTIME_URL)).filter((id) => id !== crashed))
    .toHaveLength(1)
  for (const page of pages) {
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.portsSeen))
      .toBe('1')
  }
})
