import type { AppDevice } from '../app-device'
import type { BenchContext } from '../bench-context'
import { count, ms, runs } from '../report'
import { BIG_CONVERSATION, lastMessageText } from '../session-data'
import type { SessionData } from '../../../shared/session/session-data'
import { overRuns } from '../stats'

/** Records, in the page, the time from the next click to `text` appearing in the conversation log (next frame). */
function armOpenTimer(app: AppDevice, text: string): Promise<void> {
  return app.page.evaluate((expected) => {
    const w = window as unknown as { benchOpen?: Promise<number> }
    w.benchOpen = new Promise<number>((resolve, reject) => {
      setTimeout(() => {
        const shown =
          document.querySelector('[role="log"][aria-label="Conversation"]')?.textContent ??
          '(no log)'
        reject(
          new Error(
            `the last message did not appear within 120 s; the log shows: ${shown.slice(-300)}`,
          ),
        )
      }, 120_000)
      let clickAt = -1
      document.addEventListener('click', () => (clickAt = performance.now()), {
        capture: true,
        once: true,
      })
      // No named inner functions: tsx would wrap them in a helper the page does not have.
      const observer = new MutationObserver(() => {
        const log = document.querySelector('[role="log"][aria-label="Conversation"]')
        if (clickAt < 0 || !(log?.textContent ?? '').includes(expected)) return
        observer.disconnect()
        requestAnimationFrame(() => resolve(performance.now() - clickAt))
      })
      observer.observe(document.body, { subtree: true, childList: true, characterData: true })
    })
  }, text)
}

/**
 * Row 7: the real UI with the big space imported by row 4. Opening the big conversation from the
 * sidebar (click → its last message on screen), and the longest main-thread task while typing a
 * message in it (PerformanceObserver 'longtask', plus Event Timing for each key's input-to-paint).
 */
export async function uiRow(ctx: BenchContext, app: AppDevice, data: SessionData): Promise<void> {
  const { sizes, figures } = ctx
  const last = lastMessageText(data)
  const messages = count(data.conversations[0]?.messages.length ?? 0)
  // A newer, small conversation is what the app opens at start, so the big one is opened by a click.
  const small = await app.request('conversations.create', { title: 'Small conversation' })
  if (!small.ok) throw new Error(`could not create a conversation: ${small.error?.message}`)
  const page = app.page
  const bigRow = page
    .getByRole('navigation', { name: 'Conversations' })
    .getByRole('button', { name: new RegExp(BIG_CONVERSATION) })
  const openTimes: number[] = []
  const longest: number[] = []
  const slowestKey: number[] = []
  let longCount = 0
  for (let run = 0; run < sizes.ui.runs; run++) {
    await app.reload()
    await page.getByRole('textbox', { name: 'Message' }).waitFor()
    await bigRow.first().waitFor()
    await armOpenTimer(app, last)
    await bigRow.first().click()
    openTimes.push(
      await page.evaluate(() => (window as unknown as { benchOpen: Promise<number> }).benchOpen),
    )
    const typed = await typeWatched(app, sizes.ui.typed)
    longest.push(typed.long.length === 0 ? 0 : Math.max(...typed.long))
    slowestKey.push(typed.events.length === 0 ? 0 : Math.max(...typed.events))
    longCount += typed.long.length
  }
  const open = overRuns(openTimes)
  figures.add({
    row: 7,
    label: `open a ${messages}-message conversation (click → last message shown)`,
    value: ms(open.median),
    spread: runs(open, ms),
    note: 'browser host, real UI; the newest page loads first, older ones on scroll',
    data: { openTimes: open },
  })
  const long = overRuns(longest)
  const keys = overRuns(slowestKey)
  const show = (v: number): string => (v === 0 ? 'none ≥ 50 ms' : ms(v))
  figures.add({
    row: 7,
    label: `typing ${sizes.ui.typed.length} characters in it · longest main-thread task`,
    value: show(long.median),
    spread: `${show(long.min)} – ${show(long.max)} (${long.runs} run${long.runs === 1 ? '' : 's'}; ${longCount} long tasks in all)`,
    note: `slowest key, input → next paint (Event Timing): median ${keys.median === 0 ? '< 16 ms' : ms(keys.median)}`,
    data: { longest: long, slowestKey: keys },
  })
}

/** Types `text` into the focused conversation's message box, recording long tasks and slow key events. */
async function typeWatched(
  app: AppDevice,
  text: string,
): Promise<{ long: number[]; events: number[] }> {
  const page = app.page
  const box = page.getByRole('textbox', { name: 'Message' })
  await box.click()
  await page.evaluate(() => {
    const w = window as unknown as { benchLong: number[]; benchEvents: number[] }
    w.benchLong = []
    w.benchEvents = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.benchLong.push(e.duration)
    }).observe({ type: 'longtask' })
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.benchEvents.push(e.duration)
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit)
  })
  await page.keyboard.type(text, { delay: 40 })
  await page.waitForTimeout(500)
  const seen = await page.evaluate(() => {
    const w = window as unknown as { benchLong: number[]; benchEvents: number[] }
    return { long: w.benchLong, events: w.benchEvents }
  })
  await box.fill('')
  return seen
}
