import { mkdtempSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect } from '@playwright/test'
import { decodePairingCode, deriveSpaceKeys, encodePairingCode } from '../../renderer/runtime/sync'
import { roomIdOf } from '../../shared/relay-room'
import { freePort, startRelayProcess, type RelayProcess } from '../support/relay-process'
import { Laptop } from './pages/sync-page'

// One relay for the file: every test pairs a space of its own, so they do not meet there.
let relay: RelayProcess
const laptops: Laptop[] = []

test.beforeAll(async () => {
  relay = await startRelayProcess({ dataDir: mkdtempSync(join(tmpdir(), 'keepsake-relay-')) })
})
test.afterEach(async () => {
  await Promise.all(laptops.splice(0).map((l) => l.close()))
})
test.afterAll(async () => {
  await relay.stop()
})

const open = async (name: string): Promise<Laptop> => {
  const laptop = await Laptop.open(name)
  laptops.push(laptop)
  return laptop
}

test('pair and converge: A’s memory and conversations appear on B, and B’s edit appears on A', async () => {
  const a = await open('laptop A')
  await a.app.say('Remember that I prefer pgvector over Pinecone')
  await expect(a.app.memoryItem('I prefer pgvector over Pinecone')).toHaveCount(1)
  const title = (await a.app.chatTitle.textContent()) ?? ''

  const code = await a.sync.createPairing(relay.url, 'laptop A')
  await a.sync.expectConnected()
  await a.sync.closeDialog()

  const b = await open('laptop B')
  await b.sync.joinWith(code, 'laptop B')
  // The window reloads onto the joined space and the dialog opens again there.
  await b.sync.expectConnected()
  await expect(b.sync.devices).toHaveCount(2)
  await expect(b.sync.devices.filter({ hasText: 'laptop A' })).toHaveCount(1)
  await expect(b.sync.devices.filter({ hasText: 'laptop B' })).toContainText('this device')
  await b.app.screens('sync-dialog')
  await b.sync.closeDialog()

  await expect(b.app.memoryItem('I prefer pgvector over Pinecone')).toHaveCount(1)
  await expect(b.app.conversationRow(title)).toHaveCount(1)
  await b.app.openConversation(title)
  await expect(b.app.conversation).toContainText('Remember that I prefer pgvector over Pinecone')

  await b.app.say('My timezone is America/New_York')
  await expect(a.app.memoryItem('America/New_York')).toHaveCount(1)
  await expect(a.app.conversation).toContainText('My timezone is America/New_York')
  await a.sync.open()
  await expect(a.sync.devices).toHaveCount(2)
})

test('a wrong pairing code changes nothing: same space, same device name, no code offered, and the reason said', async () => {
  const a = await open('laptop A')
  const code = await a.sync.createPairing(relay.url, 'laptop A')
  await a.sync.expectConnected()

  const b = await open('laptop B')
  await b.app.say('Remember that laptop B keeps its own memory')
  await expect(b.app.memoryItem('laptop B keeps its own memory')).toHaveCount(1)
  const before = await b.app.request<{ spaceId: string }>('app.status', {})
  // The small window: the dialog scrolls, and the reason must still be in view.
  await b.app.page.setViewportSize({ width: 900, height: 650 })
  await b.sync.open()
  await b.sync.deviceName.click()
  await b.app.page.keyboard.type('laptop B', { delay: 40 })

  /** Pastes `text` as the code, presses Join, and expects the refusal to say `reason`. */
  const refused = async (text: string, reason: string | RegExp): Promise<void> => {
    await b.sync.joinCode.fill('')
    await b.sync.joinCode.click()
    await b.app.page.keyboard.insertText(text)
    await b.sync.join.click()
    await expect(b.sync.error).toContainText(reason, { timeout: 30_000 })
    await expect(b.sync.error).toContainText('Nothing changed on this device.')
    await expect(b.sync.error).toBeInViewport()
    // Nothing changed: the same space, the device name as typed, no pairing code offered.
    expect((await b.app.request<{ spaceId: string }>('app.status', {})).value?.spaceId).toBe(
      before.value?.spaceId,
    )
    await expect(b.sync.deviceName).toHaveValue('laptop B')
    await expect(b.sync.shownCode).toHaveCount(0)
    await expect(
      b.sync.dialog.getByRole('heading', { name: 'Start syncing this memory' }),
    ).toBeVisible()
    await expect(b.app.memoryItem('laptop B keeps its own memory')).toHaveCount(1)
  }

  // The space id travels in the code; with another secret it names nothing on the relay.
  const pairing = decodePairingCode(code)
  if (!pairing.ok) throw new Error(pairing.error.message)
  await refused(
    encodePairingCode({ ...pairing.value, secret: 'x'.repeat(43) }),
    'No device has synced with this pairing code on that relay',
  )
  await refused(code.slice(0, 40), 'This pairing code is damaged')
  await refused(
    encodePairingCode({ ...pairing.value, relayUrl: `ws://127.0.0.1:${await freePort()}` }),
    /did not answer within \d+ seconds/,
  )
  await b.app.screens('sync-join-refused-900')
  await b.app.page.setViewportSize({ width: 1400, height: 900 })
  await b.app.screens('sync-join-refused-1400')

  // A is undisturbed and still sees only itself; the right code still joins.
  await expect(a.sync.devices).toHaveCount(1)
  await expect(a.sync.status).toContainText('Connected')
  await b.sync.joinCode.fill(code)
  await b.sync.join.click()
  await b.sync.expectConnected()
  await expect(b.sync.devices).toHaveCount(2)
})

test('the relay stores only ciphertext: no known fact or message appears in its data', async () => {
  const a = await open('laptop A')
  const code = await a.sync.createPairing(relay.url, 'laptop A')
  const pairing = decodePairingCode(code)
  if (!pairing.ok) throw new Error(pairing.error.message)
  await a.sync.closeDialog()
  const fact = 'Remember that the launch codeword is marmalade-417'
  await a.app.say(fact)
  await expect(a.app.memoryItem('marmalade-417')).toHaveCount(1)
  await a.sync.expectConnected()

  // The relay knows the space only by its room, named from the credential (shared/relay-room.ts).
  const keys = await deriveSpaceKeys(pairing.value.secret, pairing.value.spaceId)
  if (!keys.ok) throw new Error(keys.error.message)
  const room = await roomIdOf(keys.value.credential)
  expect(await readdir(join(relay.dataDir, 'spaces'))).not.toContain(pairing.value.spaceId)
  const spaceDir = join(relay.dataDir, 'spaces', `room.${room}`)
  const files = (await readdir(spaceDir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
  const stored = Buffer.concat(await Promise.all(files.map((f) => readFile(f))))
  // Not vacuous: the space's updates are there, and large enough to hold the fact and the message.
  expect(stored.length).toBeGreaterThan(1000)
  for (const plain of ['marmalade-417', 'launch codeword', 'Remember that', pairing.value.secret]) {
    expect(stored.includes(Buffer.from(plain)), `"${plain}" is stored in clear`).toBe(false)
  }
})

test('“Host relay on this computer” runs a relay in the host, and the space syncs through it', async () => {
  // The host starts its relay on KEEPSAKE_RELAY_PORT; a free port keeps tests off the default 5171.
  const port = await freePort()
  const previous = process.env.KEEPSAKE_RELAY_PORT
  process.env.KEEPSAKE_RELAY_PORT = String(port)
  let a: Laptop
  try {
    a = await open('laptop A')
  } finally {
    if (previous === undefined) delete process.env.KEEPSAKE_RELAY_PORT
    else process.env.KEEPSAKE_RELAY_PORT = previous
  }
  await a.sync.open()
  await expect(a.sync.relayUrl).toHaveValue('ws://127.0.0.1:5171')
  await expect(a.sync.allowLan).not.toBeChecked()
  await a.sync.hostRelay.click()
  await expect(a.sync.relayUrl).toHaveValue(`ws://127.0.0.1:${port}`)
  await a.sync.createCode.click()
  await expect(a.sync.shownCode).toHaveValue(/^keepsake-sync:/)
  await a.sync.expectConnected()
  await expect(a.sync.status).toContainText(`Relay ws://127.0.0.1:${port}`)
})

test('removing a lost laptop: the laptop that stays follows the new key with nothing typed, and the lost one gets nothing written after', async () => {
  const a = await open('laptop A')
  const code = await a.sync.createPairing(relay.url, 'laptop A')
  await a.sync.expectConnected()
  await a.sync.closeDialog()
  const b = await open('laptop B')
  await b.sync.joinWith(code, 'laptop B')
  await b.sync.expectConnected()
  const lost = await open('lost laptop')
  await lost.sync.joinWith(code, 'lost laptop')
  await lost.sync.expectConnected()
  await a.sync.open()
  await expect(a.sync.devices).toHaveCount(3)

  const row = a.sync.devices.filter({ hasText: 'lost laptop' })
  await row.getByRole('button', { name: 'Remove lost laptop' }).click()
  const confirm = a.sync.dialog.getByRole('group', { name: 'Remove lost laptop?' })
  await expect(confirm).toContainText('the relay refuses the old one, so lost laptop can no longer')
  await expect(confirm).toContainText('laptop B follows by itself')
  await a.app.screens('sync-remove-device')
  await confirm.getByRole('button', { name: 'Remove lost laptop' }).click()
  await expect(confirm).toHaveCount(0)
  // The code shown now is the new one; the old one no longer opens the space.
  await expect(a.sync.shownCode).not.toHaveValue(code)
  const newCode = await a.sync.shownCode.inputValue()
  await a.sync.expectConnected()

  // B's dialog stayed open and nobody typed anything there: it moves to the new key by itself.
  await expect(b.sync.status).toContainText(
    'This device was moved to the new sync key by laptop A',
    { timeout: 30_000 },
  )
  await b.sync.expectConnected()
  // The code B offers now is the new one.
  await expect(b.sync.shownCode).toHaveValue(newCode)
  await b.app.screens('sync-moved-device')

  await lost.sync.open()
  await expect(lost.sync.status).toContainText('This device was removed from sync by laptop A')
  await expect(lost.sync.status).toContainText('It keeps what it had until then')
  // Its old code opens nothing any more, so it is not offered; nor can it remove anyone.
  await expect(lost.sync.shownCode).toHaveCount(0)
  await expect(lost.sync.devices.getByRole('button', { name: /^Remove/ })).toHaveCount(0)
  await lost.app.screens('sync-removed-device')
  await a.sync.closeDialog()
  await a.app.say('Remember that the new alarm code is 4471')
  await expect(a.app.memoryItem('4471')).toHaveCount(1)
  await a.sync.expectConnected()
  await b.sync.closeDialog()
  await expect(b.app.memoryItem('4471')).toHaveCount(1, { timeout: 30_000 })
  await lost.sync.closeDialog()
  // B's word reached A too, through the new room.
  await b.app.say('Remember that the spare key is under the blue pot')
  await expect(a.app.memoryItem('under the blue pot')).toHaveCount(1, { timeout: 30_000 })
  await expect(lost.app.memoryItem('4471')).toHaveCount(0)
  await expect(lost.app.memoryItem('under the blue pot')).toHaveCount(0)
})
