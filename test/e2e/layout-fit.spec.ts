import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'

/** What a person sees is whole: no clipped placeholder, no empty band in a message bubble. */

const SMALL = { width: 900, height: 650 }
const LARGE = { width: 1400, height: 900 }

/** A node of the DOM as CDP gives it, user-agent shadow roots included. */
interface CdpNode {
  backendNodeId: number
  attributes?: string[]
  children?: CdpNode[]
  shadowRoots?: CdpNode[]
}

const attribute = (node: CdpNode, name: string): string | undefined => {
  const i = node.attributes?.indexOf(name) ?? -1
  return i >= 0 ? node.attributes?.[i + 1] : undefined
}

const find = (node: CdpNode, match: (n: CdpNode) => boolean): CdpNode | null => {
  if (match(node)) return node
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const hit = find(child, match)
    if (hit) return hit
  }
  return null
}

/**
 * The room the browser gives the placeholder of the input labelled `label`: the width of the
 * placeholder's own box inside the input (its user-agent shadow root, reached over CDP), so
 * whatever else the field holds (padding, the search field's clear button) is already taken off.
 */
const placeholderRoom = async (page: Page, label: string): Promise<number> => {
  const cdp = await page.context().newCDPSession(page)
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode
    }
    const input = find(root, (n) => attribute(n, 'aria-label') === label)
    const shown = input && find(input, (n) => attribute(n, 'id') === 'placeholder')
    if (!shown) throw new Error(`no placeholder box in the field “${label}”`)
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shown.backendNodeId })
    const width = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId ?? '',
      functionDeclaration: 'function () { return this.getBoundingClientRect().width }',
      returnByValue: true,
    })
    return width.result.value as number
  } finally {
    await cdp.detach()
  }
}

test('the sidebar filter says “Filter conversations” in full, at 900×650 and 1400×900', async ({
  device,
}) => {
  const app = new KeepsakePage(device.browser.page)
  for (const size of [SMALL, LARGE]) {
    await app.page.setViewportSize(size)
    if (size === SMALL) await app.openReady(device.host.url)
    await expect(app.searchConversations).toHaveAttribute('placeholder', 'Filter conversations')
    // The placeholder's width in the field's own font, against the room its box has.
    const text = await app.searchConversations.evaluate((input: HTMLInputElement) => {
      const context = document.createElement('canvas').getContext('2d')
      if (!context) return Infinity
      context.font = getComputedStyle(input).font
      return context.measureText(input.placeholder).width
    })
    expect(text).toBeLessThanOrEqual(await placeholderRoom(app.page, 'Search conversations'))
  }
  await app.page.setViewportSize(SMALL)
  await app.screens('sidebar-filter-900')
})

test('a message you sent: the bubble ends where its text ends, its actions sit under it', async ({
  device,
}) => {
  const app = new KeepsakePage(device.browser.page)
  await app.page.setViewportSize(LARGE)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.say('I keep bees behind the shed', { typed: true })
  await app.say('Rust is a nice language', { typed: true })
  const mine = app.settledMessages().filter({ hasText: 'I keep bees behind the shed' })
  await mine.hover()
  await expect(mine.getByRole('button', { name: 'Copy' })).toBeVisible()
  const shape = await mine.evaluate((article) => {
    const painted = [article, ...article.querySelectorAll('*')].find(
      (n) => getComputedStyle(n).backgroundColor !== 'rgba(0, 0, 0, 0)',
    )
    const body = article.querySelector('.message-body')
    const actions = article.querySelector('footer')
    if (!painted || !body || !actions) return null
    const bubble = painted.getBoundingClientRect()
    return {
      belowText: bubble.bottom - body.getBoundingClientRect().bottom,
      actionsTop: actions.getBoundingClientRect().top,
      bubbleBottom: bubble.bottom,
    }
  })
  expect(shape).not.toBeNull()
  // The bubble's padding under the text is its padding, not a band kept for hidden buttons.
  expect(shape!.belowText).toBeLessThanOrEqual(12)
  expect(shape!.actionsTop).toBeGreaterThanOrEqual(shape!.bubbleBottom - 1)
  for (const size of [LARGE, SMALL]) {
    await app.page.setViewportSize(size)
    await mine.hover()
    await app.screens(`user-bubble-${size.width}`)
  }
})
