import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, expect, type Page } from '@playwright/test'
import * as Y from 'yjs'
import { startRelayProcess, type RelayProcess } from '../support/relay-process'
import { Laptop } from './pages/sync-page'

const laptops: Laptop[] = []
const relays: RelayProcess[] = []

test.afterEach(async () => {
  await Promise.all(laptops.splice(0).map((l) => l.close()))
  await Promise.all(relays.splice(0).map((r) => r.stop()))
})

const relayOn = async (): Promise<RelayProcess> => {
  const relay = await startRelayProcess({ dataDir: mkdtempSync(join(tmpdir(), 'keepsake-relay-')) })
  relays.push(relay)
  return relay
}

const open = async (name: string): Promise<Laptop> => {
  const laptop = await Laptop.open(name)
  laptops.push(laptop)
  return laptop
}

/** Records as builds of other schema versions wrote them, keyed by memory id. */
const RECORDS: Record<string, Record<string, unknown>> = {
  // A newer Keepsake (schema v3) with fields this build has never heard of.
  'future-1': {
    schemaVersion: 3,
    id: 'future-1',
    kind: 'fact',
    text: 'Written by Keepsake 3',
    confidence: 0.93,
    evidence: [{ messageId: 'm-9', weight: 0.5 }],
    createdAt: '2026-09-01T10:00:00.000Z',
  },
  // An older Keepsake (schema v1): read as v2 through the migration chain.
  'legacy-1': {
    schemaVersion: 1,
    id: 'legacy-1',
    kind: 'fact',
    text: 'My timezone is America/New_York',
    confirmedAt: '2026-01-02T03:04:05.000Z',
    sourceMessageId: 'm-old',
  },
  // This version, with a key a newer build added.
  'extra-1': {
    schemaVersion: 2,
    id: 'extra-1',
    kind: 'fact',
    text: 'I benchmark hybrid search accuracy',
    category: 'general',
    createdAt: '2026-05-01T09:00:00.000Z',
    confirmedAt: '2026-05-01T09:00:00.000Z',
    source: null,
    validFrom: '2026-05-01T09:00:00.000Z',
    validTo: null,
    status: 'active',
    supersedes: null,
    supersededBy: null,
    retractedAt: null,
    retractedBy: null,
    reviewedBy: { build: 'keepsake-3.0', at: '2026-09-01T10:00:00.000Z' },
  },
}

/** A Yjs update that writes RECORDS into the space document's memory map. */
function skewedUpdate(): number[] {
  const doc = new Y.Doc()
  for (const [id, record] of Object.entries(RECORDS)) doc.getMap('memory').set(id, record)
  return Array.from(Y.encodeStateAsUpdate(doc))
}

/** Writes a Yjs update into the space's update log, as another build's write would land on disk. */
const injectUpdate = (page: Page, update: number[]): Promise<void> =>
  page.evaluate(async (update) => {
    type Client = { request(name: string, input: unknown): Promise<{ value?: unknown }> }
    const w = window as unknown as { keepsakeClient: Client }
    const status = (await w.keepsakeClient.request('app.status', {})).value as { spaceId: string }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(`keepsake-space-${status.spaceId}`)
      r.onsuccess = () => resolve(r.result)
      r.onerror = () => reject(r.error)
    })
    // Strict, so the write is on disk before the browser is killed.
    const tx = db.transaction('updates', 'readwrite', { durability: 'strict' })
    tx.objectStore('updates').add({
      docId: 'space',
      update: new Uint8Array(update),
      at: new Date().toISOString(),
    })
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve
      tx.onerror = () => reject(tx.error)
    })
    db.close()
  }, update)

/** The memory records as this profile's read model stores them: exactly as the space doc holds them. */
const storedRecords = (page: Page): Promise<Record<string, unknown>> =>
  page.evaluate(async (ids) => {
    type Client = { request(name: string, input: unknown): Promise<{ value?: unknown }> }
    const w = window as unknown as { keepsakeClient: Client }
    const status = (await w.keepsakeClient.request('app.status', {})).value as { spaceId: string }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(`keepsake-space-${status.spaceId}`)
      r.onsuccess = () => resolve(r.result)
      r.onerror = () => reject(r.error)
    })
    const store = db.transaction('memory').objectStore('memory')
    const rows = await Promise.all(
      ids.map(
        (id) =>
          new Promise<[string, unknown]>((resolve, reject) => {
            const r = store.get(id)
            r.onsuccess = () =>
              resolve([id, (r.result as { record?: unknown } | undefined)?.record ?? null])
            r.onerror = () => reject(r.error)
          }),
      ),
    )
    db.close()
    return Object.fromEntries(rows)
  }, Object.keys(RECORDS))

test('version skew: records of other schema versions pass through B unchanged to C', async () => {
  const first = await relayOn()
  const a = await open('laptop A')
  const code = await a.sync.createPairing(first.url, 'laptop A')
  await a.sync.expectConnected()

  // A runs "another build": its records land in its update log; after a restart sync resumes by itself.
  await injectUpdate(a.device.browser.page, skewedUpdate())
  await a.crashAndRestart()
  await a.sync.expectConnected()
  await a.sync.closeDialog()
  await expect(a.app.memoryItem('My timezone is America/New_York')).toHaveCount(1)

  const b = await open('laptop B')
  await b.sync.joinWith(code, 'laptop B')
  await b.sync.expectConnected()
  await b.sync.closeDialog()
  await expect(b.app.memoryItem('My timezone is America/New_York')).toHaveCount(1)
  await expect(b.app.memoryItem('I benchmark hybrid search accuracy')).toHaveCount(1)
  await expect(b.app.memory).toContainText('1 record from a newer Keepsake is kept untouched')
  expect((await b.memory()).futureCount).toBe(1)
  expect(await storedRecords(b.device.browser.page)).toEqual(RECORDS)
  await b.app.say('Remember that B wrote this beside the newer records')

  // A and the first relay are gone: C can only get the records from B, through a fresh relay.
  await a.close()
  laptops.splice(laptops.indexOf(a), 1)
  await first.stop()
  const second = await relayOn()
  const code2 = await b.sync.createPairing(second.url, 'laptop B')
  await b.sync.expectConnected()

  const c = await open('laptop C')
  await c.sync.joinWith(code2, 'laptop C')
  await c.sync.expectConnected()
  await c.sync.closeDialog()
  await expect(c.app.memoryItem('B wrote this beside the newer records')).toHaveCount(1)
  await expect(c.app.memoryItem('My timezone is America/New_York')).toHaveCount(1)
  expect((await c.memory()).futureCount).toBe(1)
  expect(await storedRecords(c.device.browser.page)).toEqual(RECORDS)
})
