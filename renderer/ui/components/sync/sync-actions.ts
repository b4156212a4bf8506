import type { RuntimeClient } from '../../../../shared/contract/client'
import type { AppError } from '../../../../shared/errors'
import { client } from '../../state/client'
import { useApp } from '../../state/store'
import { useSync, type SyncWork } from './sync-store'

/** Set before the window reloads onto a joined space, so the Sync dialog opens again on it. */
const REOPEN_KEY = 'keepsake.sync.reopen'

/**
 * Set once a join opened another space and this window is about to reload onto it: until then the
 * window still shows the old space, so it does not take the new space's sync status as its own.
 */
let reloading = false

/** Keeps the store in step with the runtime; returns the unsubscribe. */
export function watchSync(c: RuntimeClient): () => void {
  const off = c.on('sync.status', (status) => {
    if (reloading) return
    const before = useSync.getState().status
    useSync.setState({ status })
    // Moved to a new secret by another device: the code shown so far no longer opens the space.
    if (status.notice !== null && status.notice !== before?.notice) void loadCode()
  })
  void c.request('sync.status', {}).then((r) => {
    if (r.ok) useSync.setState({ status: r.value })
  })
  return off
}

/** Fetches the pairing code when this space is paired (to show it again). */
export async function loadCode(): Promise<void> {
  const r = await client().request('sync.pairingCode', {})
  // While a pairing is made, the code stored before it is not the one to give out.
  if (useSync.getState().work === 'pair') return
  useSync.setState({ code: r.ok ? r.value.code : null })
}

/** Resolves once the window is connected to a runtime other than `before`. */
const nextClient = (before: RuntimeClient): Promise<void> =>
  new Promise((resolve) => {
    if (useApp.getState().client !== before) return resolve()
    const off = useApp.subscribe((s) => {
      if (s.client === before) return
      off()
      resolve()
    })
  })

const run = async (work: SyncWork, task: () => Promise<AppError | null>): Promise<boolean> => {
  useSync.setState({ work, error: null })
  const before = client()
  let failure = await task()
  // The runtime reloaded to allow the relay (its CSP); the new one carries the request out.
  if (failure?.code === 'restarting') {
    await nextClient(before)
    failure = await task()
  }
  useSync.setState({ work: null, error: failure?.message ?? null })
  return failure === null
}

/** Pairs this space with the relay and shows its code. */
export function createPairingCode(relayUrl: string, deviceName: string): Promise<boolean> {
  // The code shown so far may name another relay: none is shown until the new one is made.
  useSync.setState({ code: null })
  return run('pair', async () => {
    const r = await client().request('sync.createPairing', { relayUrl, deviceName })
    if (!r.ok) return r.error
    useSync.setState({ code: r.value.code })
    return null
  })
}

/** Joins the space of a pairing code; the window reloads when that opened another space. */
export function joinWithCode(code: string, deviceName: string): Promise<boolean> {
  return run('join', async () => {
    const before = await client().request('app.status', {})
    const r = await client().request('sync.join', { code, deviceName })
    if (!r.ok) return r.error
    const after = await client().request('app.status', {})
    if (before.ok && after.ok && before.value.spaceId !== after.value.spaceId) {
      reloading = true
      sessionStorage.setItem(REOPEN_KEY, '1')
      window.location.reload()
      // The page goes away; "Joining…" stays until it does.
      return new Promise<never>(() => undefined)
    }
    useSync.setState({ status: r.value })
    await loadCode()
    return null
  })
}

let reopened: boolean | null = null

/** Whether this page load follows a join's reload (read once per load, then cleared). */
export function takeReopenMark(): boolean {
  if (reopened === null) {
    reopened = sessionStorage.getItem(REOPEN_KEY) === '1'
    sessionStorage.removeItem(REOPEN_KEY)
  }
  return reopened
}

/** Stops syncing and forgets the pairing on this device. */
export function unpairDevice(): Promise<boolean> {
  return run('unpair', async () => {
    const r = await client().request('sync.unpair', {})
    if (!r.ok) return r.error
    useSync.setState({ code: null })
    return null
  })
}

/**
 * Removes a device by changing the sync secret: the relay refuses the old one; the devices that stay
 * and announced a key follow by themselves, and the new code (shown in place of the old) is for any
 * that did not.
 */
export function changeSecret(removeDeviceId: string): Promise<boolean> {
  return run('remove', async () => {
    const r = await client().request('sync.changeSecret', { removeDeviceId })
    if (!r.ok) return r.error
    useSync.setState({ code: r.value.code })
    return null
  })
}

/** Starts a relay on this computer; resolves with the URL other devices dial, or null. */
export async function hostRelay(lan: boolean): Promise<string | null> {
  let url: string | null = null
  await run('host', async () => {
    const r = await client().request('sync.hostRelay', { lan })
    if (!r.ok) return r.error
    url = r.value.url
    useSync.setState({ hostedUrl: url })
    return null
  })
  return url
}
