import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@playwright/test'
import { startRelayProcess, type RelayProcess } from '../../support/relay-process'
import { Laptop } from './sync-page'

/**
 * What a sync spec starts: relay processes and laptops, each stopped or closed after every test.
 * Call once at the top of a spec file (it registers the `afterEach`).
 */
export function syncRig(): {
  /** A relay process on a fresh data directory, or again on the same port and directory. */
  relayOn(previous?: RelayProcess): Promise<RelayProcess>
  /** A laptop (its own browser and host), closed after the test. */
  open(name: string): Promise<Laptop>
} {
  const laptops: Laptop[] = []
  const relays: RelayProcess[] = []
  test.afterEach(async () => {
    await Promise.all(laptops.splice(0).map((l) => l.close()))
    await Promise.all(relays.splice(0).map((r) => r.stop()))
  })
  return {
    async relayOn(previous) {
      const relay = await startRelayProcess(
        previous
          ? { dataDir: previous.dataDir, port: previous.port }
          : { dataDir: mkdtempSync(join(tmpdir(), 'keepsake-relay-')) },
      )
      relays.push(relay)
      return relay
    },
    async open(name) {
      const laptop = await Laptop.open(name)
      laptops.push(laptop)
      return laptop
    },
  }
}
