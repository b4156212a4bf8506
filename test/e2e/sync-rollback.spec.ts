import { mkdtempSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, type Page } from '@playwright/test'
import * as Y from 'yjs'
import { createSpaceStore } from '../../electron/relay/space-store'
import { decodePairingCode, deriveSpaceKeys } from '../../renderer/runtime/sync'
import { roomIdOf } from '../../shared/relay-room'
import { startRelayProcess, type RelayProcess } from '../support/relay-process'
import { Laptop } from './pages/sync-page'

const laptops: Laptop[] = []
const relays: RelayProcess[] = []

test.afterEach(async () => {
  await Promise.all(laptops.splice(0).map((l) => l.close()))
  await Promise.all(relays.splice(0).map((r) => r.stop()))
})

/** When this device last raised what it has seen on the relay (the space's `sync.seen` row), or null. */
const seenAt = (page: Page): Promise<string | null> =>
  page.evaluate(async () => {
    type Client = { request(name: string, input: unknown): Promise<{ value?: unknown }> }
    const w = window as unknown as { keepsakeClient: Client }
    const status = (await w.keepsakeClient.request('app.status', {})).value as { spaceId: string }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(`keepsake-space-${status.spaceId}`)
      r.onsuccess = () => resolve(r.result)
      r.onerror = () => reject(r.error)
    })
    const row = await new Promise<unknown>((resolve, reject) => {
      const get = db.transaction('kv').objectStore('kv').get('sync.seen')
      get.onsuccess = () => resolve(get.result)
      get.onerror = () => reject(get.error)
    })
    db.close()
    const value = (row as { value?: { at?: string } } | undefined)?.value
    return value?.at ?? null
  })

test('a relay put back to an earlier state is reported on the laptop that saw more, not shown as fine', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'keepsake-relay-'))
  let relay = await startRelayProcess({ dataDir })
  relays.push(relay)
  const a = await Laptop.open('laptop A')
  laptops.push(a)
  const code = await a.sync.createPairing(relay.url, 'laptop A')
  await a.sync.expectConnected()
  await a.sync.closeDialog()
  await a.app.say('Remember that I prefer pgvector over Pinecone')
  await a.sync.expectConnected()
  await expect.poll(() => seenAt(a.device.browser.page), { timeout: 20_000 }).not.toBeNull()

  // What the relay holds at this point, as a single clean state.
  const pairing = decodePairingCode(code)
  if (!pairing.ok) throw new Error(pairing.error.message)
  const keys = await deriveSpaceKeys(pairing.value.secret, pairing.value.spaceId)
  if (!keys.ok) throw new Error(keys.error.message)
  const key = `room.${await roomIdOf(keys.value.credential)}`
  const spaces = join(dataDir, 'spaces')
  const port = relay.port
  await relay.stop()
  relays.splice(0)
  const stored = await createSpaceStore(spaces, () => undefined).load(key)
  if (!stored.ok) throw new Error(stored.error.message)
  const earlier = Y.mergeUpdates(stored.value)
  relay = await startRelayProcess({ dataDir, port })
  relays.push(relay)

  await a.sync.closeDialog()
  const before = await seenAt(a.device.browser.page)
  await a.app.say('My timezone is America/New_York')
  await a.sync.expectConnected()
  await expect.poll(() => seenAt(a.device.browser.page), { timeout: 20_000 }).not.toBe(before)

  // The relay goes back to the earlier state: the timezone and all after it are gone from it.
  await relay.stop()
  relays.splice(0)
  await rm(join(spaces, key, 'updates.log'), { force: true })
  await rm(join(spaces, key, 'snapshot.bin'), { force: true })
  const rewritten = createSpaceStore(spaces, () => undefined)
  await rewritten.append(key, earlier)
  await rewritten.close()
  // The laptop starts again later (a running one would restore the relay from its own copy at once).
  await a.crashAndRestart()
  await a.device.browser.page.setViewportSize({ width: 1280, height: 860 })
  relays.push(await startRelayProcess({ dataDir, port }))

  await a.sync.open()
  await expect(a.sync.status).toContainText(
    'The relay served an older copy of this space than this device saw there on',
    { timeout: 30_000 },
  )
  await expect(a.sync.status).toContainText('changes from this device are missing')
  // The details name it too, and do not call it a change that could not be used.
  const details = a.sync.dialog.locator('details.sync-problems')
  await expect(details.locator('summary')).toHaveText('1 sync problem')
  await details.locator('summary').click()
  await expect(details).toContainText('envelope: the relay served an older copy of this space')
  await a.app.screens('sync-rollback')
})
