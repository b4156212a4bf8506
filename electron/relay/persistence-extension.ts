import {
  Connection,
  type Extension,
  type afterUnloadDocumentPayload,
  type beforeHandleMessagePayload,
  type onChangePayload,
  type onLoadDocumentPayload,
} from '@hocuspocus/server'
import * as Y from 'yjs'
import type { SpaceStore } from './space-store'
import { spaceDocumentOf } from './space-document'
import { updateCarriedBy } from './sync-message'

const spaceOf = (documentName: string): string => {
  const space = spaceDocumentOf(documentName)
  // Authentication admits only space documents, so another name here is a bug.
  if (!space.ok) throw new Error(`unexpected document ${documentName}`)
  return space.value.key
}

/** The reason sent to a device whose update would take its space past `--max-space-bytes`. */
export const SPACE_FULL_REASON = 'space-full: this space is over the relay storage quota'

/**
 * Stores every update a space receives before it is applied or acknowledged: a client's update is
 * appended and fsynced in `beforeHandleMessage` (a write-ahead log, so SIGKILL right after the ack loses
 * nothing), and updates from other instances (Redis) are appended in `onChange`. Hocuspocus's debounced
 * `onStoreDocument` is not used. An update that would take a space past `maxSpaceBytes` is refused
 * (`SPACE_FULL_REASON`) and not stored.
 */
export function persistenceExtension(
  store: SpaceStore,
  maxSpaceBytes: number,
  warn: (message: string) => void,
): Extension {
  // Bytes stored per loaded space: what was loaded plus what was appended since. Appends overcount
  // (later updates replace earlier ones), so near the quota the exact size is measured instead.
  const sizes = new Map<string, number>()
  return {
    extensionName: 'keepsake-persistence',
    async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
      const spaceId = spaceOf(documentName)
      const loaded = await store.load(spaceId)
      if (!loaded.ok) {
        warn(loaded.error.message)
        throw new Error(loaded.error.message)
      }
      sizes.set(
        spaceId,
        loaded.value.reduce((n, u) => n + u.byteLength, 0),
      )
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
    async beforeHandleMessage({
      documentName,
      document,
      update: message,
    }: beforeHandleMessagePayload) {
      const carried = updateCarriedBy(message)
      // Throwing closes the connection: a message that cannot be stored must not be acknowledged.
      if (!carried.ok) throw new Error(carried.error.message)
      if (carried.value === null) return
      const spaceId = spaceOf(documentName)
      let size = (sizes.get(spaceId) ?? 0) + carried.value.byteLength
      if (size > maxSpaceBytes) {
        const exact = Y.encodeStateAsUpdate(document).byteLength
        sizes.set(spaceId, exact)
        size = exact + carried.value.byteLength
        if (size > maxSpaceBytes) {
          warn(`space ${spaceId} is over its storage quota; refused an update`)
          throw { code: 4507, reason: SPACE_FULL_REASON }
        }
      }
      const stored = await store.append(spaceId, carried.value)
      if (!stored.ok) {
        warn(stored.error.message)
        throw new Error(stored.error.message)
      }
      sizes.set(spaceId, size)
    },
    async onChange({ documentName, update, transactionOrigin }: onChangePayload) {
      // A client's update is already in the log (beforeHandleMessage); store the rest (Redis, server-side).
      if (transactionOrigin instanceof Connection) return
      const spaceId = spaceOf(documentName)
      const stored = await store.append(spaceId, update)
      if (!stored.ok) warn(stored.error.message)
      else sizes.set(spaceId, (sizes.get(spaceId) ?? 0) + update.byteLength)
    },
    async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
      sizes.delete(spaceOf(documentName))
    },
  }
}
