import { READS, READS_DOCS, openDevice, sealDevice, type ItemKind, type ReadsDoc } from './envelope'
import { ENGINE_ORIGIN, type EngineContext } from './engine-context'
import type { SyncDevice } from './sync-status'

/** The devices of a space as their encrypted entries in the envelope say. */
export interface DeviceRoster {
  /** Writes this device's entry (its name, seen now). */
  announce(): Promise<void>
  /** Reads every entry into `state.devices`, newest first; an unreadable one is a problem. */
  read(): Promise<void>
  /**
   * Whether every other device announced in the envelope reads items of `kind` (or documents of
   * that kind), as its entry says
   * now (an entry that cannot be read, or from a build that announces nothing, does not).
   */
  allRead(kind: ItemKind | ReadsDoc): Promise<boolean>
  /** A device's name for messages: this device, its announced name, or its id. */
  nameOf(deviceId: string | null): string
}

/**
 * Creates the roster of one sync.
 * @example const roster = createDeviceRoster(ctx); await roster.announce(); await roster.read()
 */
export function createDeviceRoster(ctx: EngineContext): DeviceRoster {
  const { state, settings } = ctx
  const allRead = async (kind: ItemKind | ReadsDoc): Promise<boolean> => {
    if (state.keys === null) return false
    for (const [id, raw] of ctx.deviceMap.entries()) {
      if (id === settings.deviceId) continue
      const info = await openDevice(state.keys.itemKey, settings.spaceId, id, raw)
      if (!info.ok || !(info.value.reads ?? []).includes(kind)) return false
    }
    return true
  }
  return {
    async announce() {
      if (state.keys === null) return
      const info = {
        name: settings.deviceName,
        lastSeenAt: new Date().toISOString(),
        ...(settings.publicKey === undefined ? {} : { publicKey: settings.publicKey }),
        reads: [...READS, ...READS_DOCS],
      }
      const entry = await sealDevice(state.keys.itemKey, settings.spaceId, settings.deviceId, info)
      ctx.envelope.transact(() => ctx.deviceMap.set(settings.deviceId, entry), ENGINE_ORIGIN)
    },
    async read() {
      if (state.keys === null) return
      const list: SyncDevice[] = []
      for (const [id, raw] of ctx.deviceMap.entries()) {
        const info = await openDevice(state.keys.itemKey, settings.spaceId, id, raw)
        if (!info.ok) {
          ctx.problems.report(`device:${id}`, null, info.error)
          continue
        }
        ctx.problems.clear(`device:${id}`)
        list.push({ deviceId: id, ...info.value })
      }
      state.devices = list.sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt))
      ctx.emit()
      await ctx.options.target.othersRead?.({ segments: await allRead('segments') })
    },
    allRead,
    nameOf: (deviceId) =>
      deviceId === null
        ? 'an unknown device'
        : deviceId === settings.deviceId
          ? 'this device'
          : (state.devices.find((d) => d.deviceId === deviceId)?.name ?? deviceId),
  }
}
