import {
  Connection,
  type Extension,
  type beforeHandleMessagePayload,
  type onChangePayload,
  type onLoadDocumentPayload,
} from '@hocuspocus/server'
import * as Y from 'yjs'
import type { SpaceStore } from './space-store'
import { spaceIdOf } from './space-document'
import { updateCarriedBy } from './sync-message'

const spaceOf = (documentName: string): string => {
  const spaceId = spaceIdOf(documentName)
  // Authentication admits only space documents, so another name here is a bug.
  if (!spaceId.ok) throw new Error(`unexpected document ${documentName}`)
  return spaceId.value
}

/**
 * Stores every update a space receives before it is applied or acknowledged: a client's update is
 * appended and fsynced in `beforeHandleMessage` (a write-ahead log, so SIGKILL right after the ack loses
 * nothing), and updates from other instances (Redis) are appended in `onChange`. Hocuspocus's debounced
 * `onStoreDocument` is not used.
 */
export function persistenceExtension(
  store: SpaceStore,
  warn: (message: string) => void,
): Extension {
  return {
    extensionName: 'keepsake-persistence',
    async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
      const spaceId = spaceOf(documentName)
      const loaded = await store.load(spaceId)
      if (!loaded.ok) {
        warn(loaded.error.message)
        throw new Error(loaded.error.message)
      }
      document.transact(() => {
        for (const [i, update] of loaded.value.entries()) {
          try {
            Y.applyUpdate(document, update)
          } catch (e) {
            warn(
              `space ${spaceId}: stored update ${i} could not be applied and was skipped: ${String(e)}`,
            )
          }
        }
      })
    },
    async beforeHandleMessage({ documentName, update: message }: beforeHandleMessagePayload) {
      const carried = updateCarriedBy(message)
      // Throwing closes the connection: a message that cannot be stored must not be acknowledged.
      if (!carried.ok) throw new Error(carried.error.message)
      if (carried.value === null) return
      const stored = await store.append(spaceOf(documentName), carried.value)
      if (!stored.ok) {
        warn(stored.error.message)
        throw new Error(stored.error.message)
      }
    },
    async onChange({ documentName, update, transactionOrigin }: onChangePayload) {
      // A client's update is already in the log (beforeHandleMessage); store the rest (Redis, server-side).
      if (transactionOrigin instanceof Connection) return
      const stored = await store.append(spaceOf(documentName), update)
      if (!stored.ok) warn(stored.error.message)
    },
  }
}
