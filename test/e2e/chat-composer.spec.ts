import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'
import { holdWrites } from '../support/hold-writes'

/** Types like a person: one key at a time, 40 ms apart. */
const typeSlowly = (app: KeepsakePage, text: string): Promise<void> =>
  app.page.keyboard.type(text, { delay: 40 })

const spaceIdOf = async (app: KeepsakePage): Promise<string> => {
  const status = await app.request<{ spaceId: string }>('app.status', {})
  if (!status.ok || !status.value) throw new Error('no app status')
  return status.value.spaceId
}

/** The texts of the saved messages the person wrote, in order. */
const mine = (app: KeepsakePage): Promise<string[]> =>
  app
    .settledMessages()
    .filter({ has: app.page.getByText('Saved', { exact: true }) })
    .locator('.message-body')
    .allTextContents()

test.beforeEach(async ({ device }) => {
  await device.browser.page.setViewportSize({ width: 1400, height: 900 })
})

test('what is typed while the previous message saves is kept exactly', async ({ device }) => {
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.say('I work at Acme Corp', { typed: true })
  const release = await holdWrites(app.page, await spaceIdOf(app))

  await app.message.click()
  await typeSlowly(app, 'first thought')
  await app.page.keyboard.press('Enter')
  await typeSlowly(app, 'next thought')
  // The first message is on its way, not claimed as saved while the disk does not have it.
  const saving = app.conversation.getByRole('article', { name: 'You, saving' })
  await expect(saving).toContainText('first thought')
  await expect(saving.getByText('Saved', { exact: true })).toHaveCount(0)
  await app.screens('composer-saving')
  await release()

  await expect.poll(() => mine(app)).toEqual(['I work at Acme Corp', 'first thought'])
  await expect(saving).toHaveCount(0)
  await expect(app.message).toHaveValue('next thought')
  // And it stays so once the reply has come in.
  await expect(app.lastReply()).toHaveAttribute('aria-label', /^Keepsake, (?!writing)/)
  await expect(app.message).toHaveValue('next thought')
})

test('a second Enter while the first message saves sends both, in order', async ({ device }) => {
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.say('My timezone is CET', { typed: true })
  const release = await holdWrites(app.page, await spaceIdOf(app))

  await app.message.click()
  await typeSlowly(app, 'one more thing')
  await app.page.keyboard.press('Enter')
  await typeSlowly(app, 'and another')
  await app.page.keyboard.press('Enter')
  await typeSlowly(app, 'still typing')
  await expect(app.conversation.getByRole('article', { name: 'You, saving' })).toHaveCount(2)
  await release()

  await expect
    .poll(() => mine(app))
    .toEqual(['My timezone is CET', 'one more thing', 'and another'])
  await expect(app.message).toHaveValue('still typing')
})

test('drafts belong to their conversation and survive a reload', async ({ device }) => {
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.say('I live in Berlin', { typed: true })

  await app.message.click()
  await typeSlowly(app, 'half a thought about Berlin')
  await app.newConversation.click()
  await expect(app.chatTitle).toHaveText('New conversation')
  // The draft does not follow into another conversation.
  await expect(app.message).toHaveValue('')
  await app.message.click()
  await typeSlowly(app, 'a draft in the new one')

  await app.page.reload()
  await app.openReady(device.host.url)
  await app.openConversation('New conversation')
  await expect(app.message).toHaveValue('a draft in the new one')
  await app.openConversation('I live in Berlin')
  await expect(app.message).toHaveValue('half a thought about Berlin')
  await app.openConversation('New conversation')
  await expect(app.message).toHaveValue('a draft in the new one')
})

test('after a crash, a draft of a message that was already sent does not come back', async ({
  device,
}) => {
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  const before = Date.now()
  await app.say('I need to renew my passport by Friday', { typed: true })
  await expect(app.lastReply()).toContainText('passport')
  // Many more messages sent after it before the crash: the sent draft is still recognised.
  for (const more of ['I live in Truro', 'I work at Kestrel', 'I am a nurse', 'I drive a Corsa'])
    await app.say(more)
  for (const more of ['I can not eat gluten', 'my dentist is Dr Lee', 'call me Jo', 'I have a cat'])
    await app.say(more)
  // Local storage is not durable across a SIGKILL: the write that cleared the draft on sending can
  // be lost, leaving what was half typed. Put that state back, as a crash would have left it.
  const list = await app.request<{ id: string }[]>('conversations.list', {})
  const id = list.value?.[0]?.id
  expect(id).toBeTruthy()
  await app.page.evaluate(
    ([cid, at]) => {
      localStorage.setItem(
        `keepsake:draft:${cid}`,
        JSON.stringify({ text: 'I need to renew my passp', at }),
      )
    },
    [id, before] as const,
  )
  await app.page.reload()
  await app.openReady(device.host.url)
  await app.openConversation('I need to renew my passport by Friday')
  await expect(app.conversation).toContainText('I have a cat')
  await expect(app.message).toHaveValue('')
  // A draft that was never sent stays.
  await app.message.click()
  await typeSlowly(app, 'I need to renew my')
  await app.page.reload()
  await app.openReady(device.host.url)
  await app.openConversation('I need to renew my passport by Friday')
  await expect(app.message).toHaveValue('I need to renew my')
})

test('what is typed right after New conversation, while it is being made, goes to the new conversation', async ({
  device,
}) => {
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.say('Rust is a nice language', { typed: true })
  // A slow disk: making the conversation waits, as it can on a busy laptop (and did in CI).
  const release = await holdWrites(app.page, await spaceIdOf(app))
  await app.newConversation.click()
  await app.message.click()
  await typeSlowly(app, 'Go is a fine language too')
  await expect(app.message).toHaveValue('Go is a fine language too')
  await release()

  // Once made, the new conversation holds what was typed, and the earlier one's box stays empty.
  await expect(app.conversationRows).toHaveCount(2)
  await expect(app.message).toHaveValue('Go is a fine language too')
  await app.page.keyboard.press('Enter')
  await expect(app.conversationRow('Go is a fine language too')).toHaveCount(1)
  await expect(app.conversationRows).toHaveCount(2)
  await app.openConversation('Rust is a nice language')
  await expect(app.message).toHaveValue('')
})

test('after clicking New conversation the keyboard is in the message box: spaces are words, not more conversations', async ({
  device,
}) => {
  const app = new KeepsakePage(device.browser.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  await app.say('Rust is a nice language', { typed: true })
  await app.newConversation.click()
  await expect(app.chatTitle).toHaveText('New conversation')
  // Straight on typing, as a person does after the click, without clicking the box first.
  await typeSlowly(app, 'Go is a fine language too')
  await expect(app.message).toBeFocused()
  await expect(app.message).toHaveValue('Go is a fine language too')
  await app.page.keyboard.press('Enter')
  await expect(app.conversationRow('Go is a fine language too')).toHaveCount(1)
  // One conversation was started, not one per space typed.
  await expect(app.conversationRows).toHaveCount(2)
})
