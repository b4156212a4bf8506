import type { KeepsakeUiApi } from '../../shared/preload-api'
import { UI_URL, expect, test } from './support/keepsake-app'

test('a second launch on the same profile hands over its deep link and exits', async ({
  keepsake,
}) => {
  const [page] = await keepsake.uiPages(1)
  if (page === undefined) throw new Error('no UI window')
  await page.evaluate(() => {
    const api = (window as unknown as { keepsake: KeepsakeUiApi }).keepsake
    api.onMenuCommand((command) => {
      document.documentElement.dataset.lastCommand = JSON.stringify(command)
    })
  })

  const exitCode = await keepsake.launchAgain(['keepsake://pair?code=K7-93Q2'])

  expect(exitCode).toBe(0)
  await expect
    .poll(() => page.evaluate(() => document.documentElement.dataset.lastCommand))
    .toBe(JSON.stringify({ command: 'pair', code: 'K7-93Q2' }))
  expect(await keepsake.contentsIds(UI_URL)).toHaveLength(1)
})
