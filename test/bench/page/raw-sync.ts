import * as Y from 'yjs'
import { relayDocumentName } from '../../../shared/relay-room'
import { deriveSpaceKeys } from '../../../renderer/runtime/sync'
import { envelopeMaps, openItem } from '../../../renderer/runtime/sync/envelope'
import { openRelayLink } from '../../../renderer/runtime/sync/relay-link'
import { sealedHalf } from '../../../renderer/runtime/sync/sealed-item'
import type { RawSyncInput, RawSyncResult } from './bench-api'
import { openFresh, writePages } from './raw-pages'

/**
 * The relay baseline of a new laptop's first sync (issue 17): what a first sync must do at the
 * least, with nothing of the app's storage. It fetches the space's envelope as the relay holds it
 * (the same relay process, a WebSocket, the relay's own protocol), decrypts every item with the
 * space's key (WebCrypto AES-GCM, the items' associated data checked as sync checks it), unpacks
 * the pages half of each sealed item (native inflate) and parses it (JSON), then writes the
 * messages' records as pages of `pageSize` with raw IndexedDB in strict transactions. No Yjs
 * document of a conversation is decoded, no Dexie, no zod on the messages; the state half is
 * neither unpacked nor stored, and the space document's items are decrypted but not stored. Keys are derived before the clock starts, as the sync row's
 * devices derive theirs before their engines start.
 */
export async function rawSync(input: RawSyncInput): Promise<RawSyncResult> {
  const keys = await deriveSpaceKeys(input.secret, input.syncSpaceId)
  if (!keys.ok) throw new Error(keys.error.message)
  const { itemKey, credential } = keys.value
  const documentName = await relayDocumentName({
    room: 'secret',
    spaceId: input.syncSpaceId,
    credential,
  })
  const db = await openFresh(input.dbName)
  const envelope = new Y.Doc()
  const t = performance.now()
  let link: { close(): void } | null = null
  try {
    await new Promise<void>((resolve, reject) => {
      link = openRelayLink(
        { relayUrl: input.relayUrl, documentName, credential, envelope, WebSocketImpl: WebSocket },
        {
          onState: () => undefined,
          onRefused: (reason) => reject(new Error(`the relay refused: ${reason}`)),
          onSynced: resolve,
          onAcknowledged: () => undefined,
          onTooLarge: () => reject(new Error('the relay refused a message as too large')),
          onSpaceFull: () => undefined,
        },
      )
    })
    const fetchedMs = performance.now() - t
    const conversations: { id: string; messages: unknown[]; yjs: null }[] = []
    let items = 0
    let ciphertextBytes = 0
    for (const [itemId, raw] of envelopeMaps(envelope).items) {
      const opened = await openItem(itemKey, input.syncSpaceId, itemId, raw)
      if (!opened.ok) throw new Error(`item ${itemId}: ${opened.error.message}`)
      items++
      ciphertextBytes += opened.value.item.ct.byteLength
      if (opened.value.item.kind !== 'sealed') continue
      const pages = await sealedHalf(opened.value.plaintext, itemId, 'pages')
      if (!pages.ok) throw new Error(pages.error.message)
      const body = JSON.parse(new TextDecoder().decode(pages.value)) as {
        messages: [string, string, unknown][]
      }
      conversations.push({
        id: opened.value.item.docId,
        messages: body.messages.map((m) => m[2]),
        yjs: null,
      })
    }
    const decodedMs = performance.now() - t
    const pages = await writePages(db, conversations, input.pageSize)
    return {
      ms: performance.now() - t,
      fetchedMs,
      decodedMs,
      items,
      ciphertextBytes,
      messages: conversations.reduce((n, c) => n + c.messages.length, 0),
      pages,
    }
  } finally {
    ;(link as { close(): void } | null)?.close()
    envelope.destroy()
    db.close()
  }
}
