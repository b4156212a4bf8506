import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createPairing, SYNC_ORIGIN } from '../../../renderer/runtime/sync'
import { killAllRelays, startRelayProcess } from '../../support/relay-process'
import {
  CONVERSATION_DOC,
  keysFor,
  openEnvelope,
  removeTempDirs,
  startDevice,
  stopAllDevices,
  tempDir,
  waitFor,
} from './sync-fixtures'

const created = createPairing('ws://127.0.0.1:1', 'space-1')
if (!created.ok) throw new Error(created.error.message)
const SECRET = created.value.secret
const pairing = (relayUrl: string) => ({ relayUrl, spaceId: 'space-1', secret: SECRET })

afterEach(async () => {
  await stopAllDevices()
  await killAllRelays()
  await removeTempDirs()
})

describe('sync engine: applying what arrives', () => {
  it('hands remote updates to the target’s receive and sends nothing back for a document that came only from the relay', async () => {
    const relay = await startRelayProcess({ dataDir: await tempDir('relay') })
    const p = pairing(relay.url)
    const a = await startDevice({ name: 'A', ...p })
    a.messages().push(['one', 'two', 'three'])
    const received: Uint8Array[] = []
    const b = await startDevice({
      name: 'B',
      ...p,
      receive: (doc, update) => {
        received.push(update)
        Y.applyUpdate(doc, update, SYNC_ORIGIN)
      },
    })
    await waitFor('A’s messages on B', () => b.messages().length === 3, 20_000, [a, b])
    await waitFor('B reconciled', () => b.engine.status().state === 'connected', 20_000, [b])
    expect(received.length).toBeGreaterThan(0)
    b.messages().push(['four'])
    await waitFor('B’s message on A', () => a.messages().length === 4, 20_000, [a, b])
    const envelope = await openEnvelope(
      relay.url,
      'space-1',
      (await keysFor(SECRET, 'space-1')).credential,
    )
    try {
      const fromB = [...envelope.doc.getMap('items').values()].filter(
        (item) =>
          (item as { docId: string; deviceId: string }).docId === CONVERSATION_DOC &&
          (item as { deviceId: string }).deviceId === 'device-B',
      )
      // Only B's own message: nothing of what it received went back.
      expect(fromB).toHaveLength(1)
    } finally {
      envelope.close()
    }
  })

  it('sends what an observer changes while a remote update applies', async () => {
    const relay = await startRelayProcess({ dataDir: await tempDir('relay') })
    const p = pairing(relay.url)
    const docs = new Map<string, Y.Doc>()
    const conversation = new Y.Doc()
    const messages = conversation.getArray<string>('messages')
    messages.observe((event) => {
      if (event.transaction.origin !== SYNC_ORIGIN) return
      conversation.transact(
        () => conversation.getMap('meta').set('seenOnB', messages.length),
        'observer',
      )
    })
    docs.set(CONVERSATION_DOC, conversation)
    const a = await startDevice({ name: 'A', ...p })
    const b = await startDevice({ name: 'B', ...p, docs })
    a.messages().push(['one', 'two'])
    await waitFor(
      'B’s observer on A',
      () => {
        const meta = a.docs.get(CONVERSATION_DOC)?.getMap('meta')
        return meta?.get('seenOnB') === 2
      },
      20_000,
      [a, b],
    )
  })
})
