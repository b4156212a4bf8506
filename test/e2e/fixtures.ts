import { test as base } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHost, type HostProcess } from '../support/host-process'
import { launchBrowser, type BrowserProcess } from '../support/browser-process'

/** A device under test: its own host port and its own Chromium profile directory. */
export interface Device {
  profileDir: string
  host: HostProcess
  browser: BrowserProcess
  /** SIGKILLs every browser process and the host by pid, then starts both again on the same profile. */
  crashAndRestart(): Promise<void>
  /** Closes the browser and the host and removes the profile and host data directories. */
  dispose(): Promise<void>
}

export async function startDevice(
  profileDir = mkdtempSync(join(tmpdir(), 'keepsake-profile-')),
): Promise<Device> {
  const device: Device = {
    profileDir,
    host: await startHost(),
    browser: await launchBrowser(profileDir),
    async crashAndRestart() {
      await device.browser.killAll()
      const port = device.host.port
      await device.host.kill()
      device.host = await startHost({ port, dataDir: device.host.dataDir })
      device.browser = await launchBrowser(profileDir)
    },
    async dispose() {
      await device.browser.close()
      await device.host.stop()
      for (const dir of [profileDir, device.host.dataDir])
        rmSync(dir, { recursive: true, force: true })
    },
  }
  return device
}

/** Each test gets a fresh device and closes it afterwards, whatever happened. */
export const test = base.extend<{ device: Device }>({
  device: async ({}, use) => {
    const device = await startDevice()
    await use(device)
    await device.dispose()
  },
})

export { expect } from '@playwright/test'
