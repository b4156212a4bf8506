import type { DeviceRoster } from './device-roster'
import { missingFromRemote } from './doc-delta'
import type { EngineContext } from './engine-context'
import { openItem } from './envelope'
import type { IncomingItems } from './incoming-items'
import type { LocalChanges } from './local-changes'
import { updateOf } from './item-update'
import type { OutgoingItems } from './outgoing-items'
import type { RollbackWatch } from './rollback-watch'
import { encodeSealed } from './sealed-item'
import type { TakenItems } from './taken-items'

/** Compares this device's documents with what the relay holds and sends what it lacks. */
export interface Reconcile {
  /** Sends what the relay lacks of one document (edits made offline or before the engine ran). */
  doc(docId: string): Promise<void>
  /** After each (re)connect: apply everything, then send whatever the relay lacks. */
  all(): Promise<void>
}

/** The jobs a reconcile drives. */
export interface ReconcileJobs {
  local: LocalChanges
  incoming: IncomingItems
  outgoing: OutgoingItems
  roster: DeviceRoster
  rollback: RollbackWatch
  checkWithheld(): void
  compact(docId: string): Promise<void>
  /** Replaces sealed items by snapshots while an announced device does not read them (unseal.ts). */
  unseal(): Promise<void>
  /** What was taken in from the relay, and which documents it holds all of (taken-items.ts). */
  taken: TakenItems
}

/**
 * Creates the reconcile of one sync. While `all` runs the status says so (`state.reconciling`), so
 * the device is not "connected" until it has compared its documents with the relay's.
 * @example const reconcile = createReconcile(ctx, jobs); void ctx.run(reconcile.all)
 */
export function createReconcile(ctx: EngineContext, jobs: ReconcileJobs): Reconcile {
  const { state, problems, ledger } = ctx
  /** Sends a whole document as one `sealed` item when every device reads them; false when not sent. */
  const sendSealed = async (docId: string): Promise<boolean> => {
    const { sealedOf } = ctx.options.target
    if (!sealedOf || !(await jobs.roster.allRead('sealed'))) return false
    const parts = await sealedOf(docId)
    // Without its pages the document still travels whole, as an update every build reads.
    if (!parts.ok || parts.value === null) return false
    await jobs.outgoing.add({ docId, kind: 'sealed', plaintext: await encodeSealed(parts.value) })
    return true
  }

  const doc = async (docId: string): Promise<void> => {
    const { keys } = state
    if (keys === null) return
    const { taken } = jobs
    // Asked before loading: a document unchanged since the relay was found to hold all of it (on
    // this run or an earlier one) has nothing the relay lacks while the relay still lists the items
    // that held it; nor has one built only from items still on the relay (one stored from a sealed
    // item is not loaded until it is needed). Edits waiting to be sent go out anyway.
    const position = await taken.position(docId)
    if (taken.held(docId, position)) return
    const built = jobs.local.onlyFromRelay(docId)
    if (built && [...built].every((id) => ctx.items.has(id))) {
      taken.record(docId, position, [...built])
      return
    }
    const local = await jobs.local.docFor(docId)
    if (!local.ok) {
      problems.report(`doc:${docId}`, docId, local.error)
      return
    }
    problems.clear(`doc:${docId}`)
    const remote: Uint8Array[] = []
    const remoteIds: string[] = []
    for (const id of ledger.idsOf(docId)) {
      const opened = await openItem(keys.itemKey, ctx.settings.spaceId, id, ctx.items.get(id))
      if (!opened.ok) continue
      const update = await updateOf(opened.value, id)
      if (!update.ok) continue
      remote.push(update.value)
      remoteIds.push(id)
    }
    // The relay has nothing of it: the whole document goes, with its pages when it can.
    if (remote.length === 0 && local.value.store.clients.size > 0 && (await sendSealed(docId)))
      return
    const delta = missingFromRemote(remote, local.value)
    if (delta !== null) {
      await jobs.outgoing.add({ docId, kind: 'update', plaintext: delta })
      return
    }
    // The relay holds all of it: unless it was stored again while being compared, the next start
    // need not load it to compare.
    if (position !== null && (await taken.position(docId)) === position)
      taken.record(docId, position, remoteIds)
  }

  const all = async (): Promise<void> => {
    state.reconciling = true
    ctx.emit()
    try {
      if (state.keys === null) return
      jobs.rollback.check()
      for (const key of ctx.items.keys()) {
        if (!ledger.has(key) && !ledger.isUnreadable(key)) jobs.incoming.want(key)
      }
      await jobs.incoming.apply(jobs.compact)
      await jobs.outgoing.flush(jobs.compact)
      const listed = await ctx.options.target.listDocIds()
      if (!listed.ok) problems.report('docs', null, listed.error)
      else problems.clear('docs')
      const ids = new Set([...(listed.ok ? listed.value : []), ...jobs.local.attachedIds()])
      for (const docId of ids) await doc(docId)
      await jobs.roster.announce()
      await jobs.roster.read()
      await jobs.unseal()
      jobs.checkWithheld()
      await jobs.taken.save()
    } finally {
      state.reconciling = false
      ctx.emit()
    }
  }
  return { doc, all }
}
