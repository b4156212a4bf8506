import * as Y from 'yjs'
import { sealItem, type NewItem } from './envelope'
import { ENGINE_ORIGIN, type EngineContext } from './engine-context'
import type { LocalChanges } from './local-changes'

/** Writes this device's changes into the envelope as encrypted items. */
export interface OutgoingItems {
  /** Encrypts and adds one item, deleting `remove` in the same envelope transaction. */
  add(input: Omit<NewItem, 'deviceId'>, remove?: string[]): Promise<void>
  /** Sends every waiting local edit, one item per document; `afterEach` runs after each. */
  flush(afterEach: (docId: string) => Promise<void>): Promise<void>
}

/**
 * Creates the writer of outgoing items. Each item counts as pending while it is sealed and until the
 * relay acknowledges it (`state.sealing`, `state.unacked`).
 * @example const outgoing = createOutgoingItems(ctx, local); await outgoing.flush(compact)
 */
export function createOutgoingItems(ctx: EngineContext, local: LocalChanges): OutgoingItems {
  const { state } = ctx
  const add: OutgoingItems['add'] = async (input, remove = []) => {
    if (state.keys === null) return
    state.sealing += 1
    try {
      const { settings } = ctx
      const sealed = await sealItem(state.keys.itemKey, settings.spaceId, {
        ...input,
        deviceId: settings.deviceId,
      })
      ctx.ledger.remember(sealed.itemId, input.docId)
      ctx.envelope.transact(() => {
        ctx.items.set(sealed.itemId, sealed.item)
        for (const id of remove) ctx.items.delete(id)
      }, ENGINE_ORIGIN)
      state.unacked += 1
    } finally {
      state.sealing -= 1
    }
    ctx.emit()
  }
  return {
    add,
    async flush(afterEach) {
      if (state.keys === null) return
      for (const [docId, updates] of local.take()) {
        await add({ docId, kind: 'update', plaintext: Y.mergeUpdates(updates) })
        await afterEach(docId)
      }
    },
  }
}
