import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, type Page } from '@playwright/test'
import { startRelayProcess, type RelayProcess } from '../support/relay-process'
import { Laptop } from './pages/sync-page'
import type { KeepsakePage } from './pages/keepsake-page'

/**
 * The conversation list tells the truth on both laptops: what a row says about a conversation's
 * messages comes from what is stored, after joining and after every synced change, without opening
 * it, and also when the changes arrive while a window is still opening.
 */

const laptops: Laptop[] = []
let relay: RelayProcess | null = null

test.afterEach(async () => {
  await Promise.all(laptops.splice(0).map((l) => l.close()))
  await relay?.stop()
  relay = null
})

const open = async (name: string): Promise<Laptop> => {
  const laptop = await Laptop.open(name)
  laptops.push(laptop)
  return laptop
}

/** Sends `texts` into a new conversation through the runtime and waits for every reply. */
const seed = async (app: KeepsakePage, title: string, texts: string[]): Promise<void> => {
  const created = await app.request<{ id: string }>('conversations.create', { title })
  if (!created.ok || !created.value) throw new Error(created.error?.message ?? 'create failed')
  const id = created.value.id
  for (const text of texts) {
    const sent = await app.request('chat.send', { conversationId: id, text })
    if (!sent.ok) throw new Error(sent.error?.message ?? 'send failed')
  }
  await expect
    .poll(async () => {
      const r = await app.request<{ total: number }>('conversations.messages', {
        id,
        offset: 0,
        limit: 1,
      })
      return r.value?.total
    })
    .toBe(texts.length * 2)
}

/** The sidebar row of `title` says it holds `n` messages ("4 messages · just now"). */
const expectCount = (app: KeepsakePage, title: string, n: number): Promise<void> =>
  expect(app.conversationRow(title).locator('.conv-meta')).toHaveText(
    new RegExp(`^${n} messages? ·`),
  )

test('after joining, every conversation counts its messages, and synced messages raise the count on the other laptop', async () => {
  relay = await startRelayProcess({ dataDir: mkdtempSync(join(tmpdir(), 'keepsake-relay-')) })
  const a = await open('laptop A')
  await seed(a.app, 'Garden plans', [
    'I grow tomatoes on the balcony',
    'The basil needs repotting',
    'Buy compost on Saturday',
  ])
  await seed(a.app, 'Work notes', ['I work at Acme Corp'])
  await seed(a.app, 'Travel', ['My flight to Oslo is on March 3', 'I prefer aisle seats'])
  await expectCount(a.app, 'Garden plans', 6)

  const code = await a.sync.createPairing(relay.url, 'laptop A')
  await a.sync.expectConnected()
  await a.sync.closeDialog()
  const b = await open('laptop B')
  await b.sync.joinWith(code, 'laptop B')
  await b.sync.expectConnected()
  await b.sync.closeDialog()

  // Joined: each row counts what is stored, not only the conversation that happens to be open.
  await expectCount(b.app, 'Garden plans', 6)
  await expectCount(b.app, 'Work notes', 2)
  await expectCount(b.app, 'Travel', 4)

  // B keeps "Travel" open; A writes in "Work notes" and B's row follows without being opened.
  await b.app.openConversation('Travel')
  await a.app.openConversation('Work notes')
  await a.app.message.click()
  await a.app.page.keyboard.type('My manager is Dana', { delay: 25 })
  await a.app.page.keyboard.press('Enter')
  await expectCount(a.app, 'Work notes', 4)
  await expectCount(b.app, 'Work notes', 4)
  await expectCount(b.app, 'Travel', 4)

  // A message deleted for good on A lowers the count on B too.
  const work = await a.app.request<{ id: string; title: string }[]>('conversations.list', {})
  const workId = work.value?.find((c) => c.title === 'Work notes')?.id ?? ''
  const page = await a.app.request<{ messages: { id: string }[] }>('conversations.messages', {
    id: workId,
    offset: 0,
    limit: 1,
  })
  const first = page.value?.messages[0]?.id ?? ''
  expect(
    (await a.app.request('messages.delete', { conversationId: workId, messageId: first })).ok,
  ).toBe(true)
  await expectCount(a.app, 'Work notes', 3)
  await expectCount(b.app, 'Work notes', 3)

  // What B shows after a reload is what it showed before.
  await b.app.page.reload()
  await b.app.openReady(b.device.host.url)
  await expectCount(b.app, 'Garden plans', 6)
  await expectCount(b.app, 'Work notes', 3)
  await expectCount(b.app, 'Travel', 4)
})

/**
 * Holds this window's first `memory.list` request of the next load in the page until
 * `releaseFirstScreen` is called, as a slow start would: the window's first screen is then
 * answered well after its conversation list was read, and whatever changes in between arrives
 * while it loads. Marks `listAsked` once the conversation list was asked for.
 */
const holdFirstScreen = (page: Page): Promise<unknown> =>
  page.addInitScript(() => {
    const w = window as unknown as { listAsked?: boolean; releaseFirstScreen?: () => void }
    const send = MessagePort.prototype.postMessage
    let held = false
    MessagePort.prototype.postMessage = function (
      this: MessagePort,
      ...args: Parameters<MessagePort['postMessage']>
    ) {
      const frame = args[0] as { t?: string; name?: string } | null
      if (frame?.t === 'req' && frame.name === 'conversations.list') w.listAsked = true
      if (!held && frame?.t === 'req' && frame.name === 'memory.list') {
        held = true
        w.releaseFirstScreen = () => send.apply(this, args)
        return
      }
      send.apply(this, args)
    } as MessagePort['postMessage']
  })

test('a window that opens while synced messages arrive ends with the right counts', async () => {
  relay = await startRelayProcess({ dataDir: mkdtempSync(join(tmpdir(), 'keepsake-relay-')) })
  const a = await open('laptop A')
  await seed(a.app, 'Garden plans', ['I grow tomatoes on the balcony'])
  const code = await a.sync.createPairing(relay.url, 'laptop A')
  await a.sync.expectConnected()
  await a.sync.closeDialog()
  const b = await open('laptop B')
  await b.sync.joinWith(code, 'laptop B')
  await b.sync.expectConnected()
  await b.sync.closeDialog()
  await expectCount(b.app, 'Garden plans', 2)

  // B's window reloads and is slow to finish its first screen; meanwhile A writes in the conversation.
  await holdFirstScreen(b.app.page)
  await b.app.page.reload()
  await b.app.page.waitForFunction(() => (window as unknown as { listAsked?: boolean }).listAsked)
  await a.app.openConversation('Garden plans')
  await a.app.message.click()
  await a.app.page.keyboard.type('The basil needs repotting', { delay: 15 })
  await a.app.page.keyboard.press('Enter')
  await expectCount(a.app, 'Garden plans', 4)
  // B has stored what A wrote before its window finishes opening.
  await expect
    .poll(() =>
      b.app
        .request<{ messageCount: number; title: string }[]>('conversations.list', {})
        .then((r) => r.value?.find((c) => c.title === 'Garden plans')?.messageCount),
    )
    .toBe(4)
  await b.app.page.evaluate(() =>
    (window as unknown as { releaseFirstScreen: () => void }).releaseFirstScreen(),
  )
  await expect(b.app.memory.getByRole('heading', { name: /Memory/ })).toBeVisible()
  await expectCount(b.app, 'Garden plans', 4)
})

/** From now on, records in this window every conversation list the runtime sends. */
const recordToldLists = (app: KeepsakePage): Promise<void> =>
  app.page.evaluate(() => {
    type Summary = { title: string; messageCount: number }
    const w = window as unknown as {
      keepsakeClient: {
        on(name: 'conversations.changed', listener: (p: { conversations: Summary[] }) => void): void
      }
      toldLists?: Summary[][]
    }
    w.toldLists = []
    w.keepsakeClient.on('conversations.changed', (p) => w.toldLists?.push(p.conversations))
  })

/** The count of `title` in the last list the runtime sent this window (null: none sent yet). */
const lastToldCount = (app: KeepsakePage, title: string): Promise<number | null> =>
  app.page.evaluate((t) => {
    const w = window as unknown as {
      toldLists?: { title: string; messageCount: number }[][]
    }
    return w.toldLists?.at(-1)?.find((c) => c.title === t)?.messageCount ?? null
  }, title)

test('the runtime sends every window the list with stored counts after synced messages and a synced deletion', async () => {
  relay = await startRelayProcess({ dataDir: mkdtempSync(join(tmpdir(), 'keepsake-relay-')) })
  const a = await open('laptop A')
  await seed(a.app, 'Work notes', ['I work at Acme Corp'])
  const code = await a.sync.createPairing(relay.url, 'laptop A')
  await a.sync.expectConnected()
  await a.sync.closeDialog()
  const b = await open('laptop B')
  await b.sync.joinWith(code, 'laptop B')
  await b.sync.expectConnected()
  await b.sync.closeDialog()
  await expectCount(b.app, 'Work notes', 2)
  await recordToldLists(b.app)

  // A writes: what B's runtime tells its windows counts A's message and its reply, as stored.
  await a.app.openConversation('Work notes')
  await a.app.message.click()
  await a.app.page.keyboard.type('My manager is Dana', { delay: 25 })
  await a.app.page.keyboard.press('Enter')
  await expectCount(a.app, 'Work notes', 4)
  await expect.poll(() => lastToldCount(b.app, 'Work notes')).toBe(4)
  await expectCount(b.app, 'Work notes', 4)

  // A deletes a message for good: B's runtime sends the list again, one fewer.
  const listed = await a.app.request<{ id: string; title: string }[]>('conversations.list', {})
  const id = listed.value?.find((c) => c.title === 'Work notes')?.id ?? ''
  const page = await a.app.request<{ messages: { id: string }[] }>('conversations.messages', {
    id,
    offset: 0,
    limit: 1,
  })
  const first = page.value?.messages[0]?.id ?? ''
  expect(
    (await a.app.request('messages.delete', { conversationId: id, messageId: first })).ok,
  ).toBe(true)
  await expect.poll(() => lastToldCount(b.app, 'Work notes')).toBe(3)
  await expectCount(b.app, 'Work notes', 3)
})
