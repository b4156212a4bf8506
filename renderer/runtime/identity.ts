import { newId } from '../../shared/ids'
import type { RegistryDb } from './db/space-db'

export interface Identity {
  deviceId: string
  spaceId: string
  spaceName: string
}

/** This profile's device id and open space, created on first run. */
export async function loadIdentity(registry: RegistryDb): Promise<Identity> {
  return registry.transaction('rw', registry.kv, registry.spaces, async () => {
    const device = await registry.kv.get('deviceId')
    const deviceId = typeof device?.value === 'string' ? device.value : newId()
    if (!device) await registry.kv.put({ key: 'deviceId', value: deviceId })
    const active = await registry.kv.get('activeSpace')
    const existing =
      typeof active?.value === 'string' ? await registry.spaces.get(active.value) : undefined
    const now = new Date().toISOString()
    if (existing) {
      // The Spaces list says when each space was last used on this device.
      await registry.spaces.update(existing.id, { lastOpenedAt: now })
      return { deviceId, spaceId: existing.id, spaceName: existing.name }
    }
    const space = { id: newId(), name: 'My memory', createdAt: now, lastOpenedAt: now }
    await registry.spaces.put(space)
    await registry.kv.put({ key: 'activeSpace', value: space.id })
    return { deviceId, spaceId: space.id, spaceName: space.name }
  })
}
