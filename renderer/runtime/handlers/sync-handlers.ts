import { ok } from '../../../shared/errors'
import type { RuntimeHandlers } from '../../../shared/contract'
import type { RuntimeContext } from '../context'
import { RegistryDb } from '../db/space-db'
import { announceSpace } from '../files/announce'
import type { ReopenRuntime } from '../files/reopen'
import { prepareJoinedSpace } from '../sync-service/join-space'
import type { SyncSupervisor } from '../sync-service/sync-supervisor'

type SyncHandlers = Pick<
  RuntimeHandlers,
  | 'sync.status'
  | 'sync.createPairing'
  | 'sync.pairingCode'
  | 'sync.join'
  | 'sync.unpair'
  | 'sync.changeSecret'
  | 'sync.hostRelay'
>

/**
 * End-to-end encrypted sync of the open space (issue 6). Joining another device's space switches
 * this profile to that space with the same mechanism an import into a new space uses (`reopen`);
 * the space open before stays on this device, listed in `spaces.list`.
 */
export function syncHandlers(
  ctx: RuntimeContext,
  reopen: ReopenRuntime,
  sync: SyncSupervisor,
): SyncHandlers {
  return {
    'sync.status': async () => ok(sync.status()),
    'sync.createPairing': ({ relayUrl, deviceName }) => sync.pair(ctx, relayUrl, deviceName),
    'sync.pairingCode': () => sync.code(ctx),
    'sync.join': async ({ code, deviceName }) => {
      const joined = await sync.join(ctx, code, deviceName)
      if (!joined.ok) return joined
      if (joined.value.joined === 'elsewhere') {
        const registry = new RegistryDb()
        const prepared = await prepareJoinedSpace(registry, joined.value.pairing, ctx.now())
        registry.close()
        if (!prepared.ok) {
          // Nothing switched: the open space goes on syncing as before.
          sync.adopt(ctx)
          return prepared
        }
        const next = await reopen()
        if (!next.ok) return next
        await announceSpace(next.value.handlers, next.value.ctx)
        ctx.space.close()
      }
      await sync.settled()
      return ok(sync.status())
    },
    'sync.unpair': async () => {
      const done = await sync.unpair(ctx)
      return done.ok ? ok({ done: true as const }) : done
    },
    'sync.changeSecret': ({ removeDeviceId }) => sync.changeSecret(ctx, removeDeviceId),
    'sync.hostRelay': ({ lan, port }) =>
      ctx.services.api.relayStart(port === undefined ? { lan } : { lan, port }),
  }
}
