import { expect, type Locator, type Page } from '@playwright/test'
import { startDevice, type Device } from '../fixtures'
import { KeepsakePage } from './keepsake-page'

/** The Sync button and dialog as a person sees them, found by role and accessible name. */
export class SyncPage {
  readonly openButton: Locator
  readonly dialog: Locator
  readonly status: Locator
  readonly progress: Locator
  readonly devices: Locator
  readonly deviceName: Locator
  readonly relayUrl: Locator
  readonly hostRelay: Locator
  readonly allowLan: Locator
  readonly createCode: Locator
  readonly shownCode: Locator
  readonly copyCode: Locator
  readonly qrCode: Locator
  readonly joinCode: Locator
  readonly join: Locator
  readonly unpair: Locator
  readonly error: Locator
  readonly close: Locator

  constructor(readonly page: Page) {
    this.openButton = page.getByRole('button', { name: 'Sync', exact: true })
    this.dialog = page.getByRole('dialog', { name: 'Sync' })
    this.status = this.dialog.getByRole('status', { name: 'Sync status' })
    this.progress = this.dialog.getByRole('progressbar', { name: 'Initial sync' })
    this.devices = this.dialog.getByRole('list', { name: 'Paired devices' }).getByRole('listitem')
    this.deviceName = this.dialog.getByRole('textbox', { name: 'Device name' })
    this.relayUrl = this.dialog.getByRole('textbox', { name: 'Relay URL' })
    this.hostRelay = this.dialog.getByRole('button', { name: 'Host relay on this computer' })
    this.allowLan = this.dialog.getByRole('checkbox', {
      name: 'Allow other computers on my network (LAN)',
    })
    this.createCode = this.dialog.getByRole('button', { name: 'Create pairing code' })
    this.shownCode = this.dialog.getByRole('textbox', {
      name: 'Pairing code for your other devices',
    })
    this.copyCode = this.dialog.getByRole('button', { name: 'Copy code' })
    this.qrCode = this.dialog.getByRole('img', { name: 'Pairing QR code' })
    this.joinCode = this.dialog.getByRole('textbox', { name: 'Pairing code', exact: true })
    this.join = this.dialog.getByRole('button', { name: 'Join', exact: true })
    this.unpair = this.dialog.getByRole('button', { name: 'Unpair this device' })
    this.error = this.dialog.getByRole('alert')
    this.close = this.dialog.getByRole('button', { name: 'Close' })
  }

  async open(): Promise<void> {
    if (await this.dialog.isVisible()) return
    await this.openButton.click()
    await expect(this.dialog).toBeVisible()
  }

  /** Pairs this space with the relay at `relayUrl` under `name`; resolves with the pairing code. */
  async createPairing(relayUrl: string, name: string): Promise<string> {
    await this.open()
    await this.deviceName.fill(name)
    await this.relayUrl.fill(relayUrl)
    await this.createCode.click()
    await expect(this.shownCode).toHaveValue(/^keepsake-sync:/)
    await expect(this.qrCode).toBeVisible()
    return this.shownCode.inputValue()
  }

  /** Joins the space of `code` under `name` (the window reloads onto it and the dialog reopens). */
  async joinWith(code: string, name: string): Promise<void> {
    await this.open()
    await this.deviceName.fill(name)
    await this.joinCode.fill(code)
    await this.join.click()
  }

  /** Waits until the status says everything is stored on the relay. */
  async expectConnected(): Promise<void> {
    await this.open()
    await expect(this.status).toContainText('Connected', { timeout: 30_000 })
  }

  async closeDialog(): Promise<void> {
    await this.close.click()
    await expect(this.dialog).toBeHidden()
  }
}

/** One of the person's laptops in a sync test: its own host and Chromium profile, and its pages. */
export class Laptop {
  app: KeepsakePage
  sync: SyncPage

  private constructor(
    readonly name: string,
    readonly device: Device,
  ) {
    this.app = new KeepsakePage(device.browser.page)
    this.sync = new SyncPage(device.browser.page)
  }

  /** Starts a fresh profile and opens the app on it, past the welcome. */
  static async open(name: string): Promise<Laptop> {
    const laptop = new Laptop(name, await startDevice())
    await laptop.device.browser.page.setViewportSize({ width: 1280, height: 860 })
    await laptop.app.openReady(laptop.device.host.url)
    await laptop.app.dismissWelcome()
    return laptop
  }

  /** SIGKILLs the browser and host and starts both again on the same profile. */
  async crashAndRestart(): Promise<void> {
    await this.device.crashAndRestart()
    this.app = new KeepsakePage(this.device.browser.page)
    this.sync = new SyncPage(this.device.browser.page)
    await this.app.openReady(this.device.host.url)
  }

  /** The memory items' texts and the newer-schema record count, as the runtime reports them. */
  async memory(): Promise<{ texts: string[]; futureCount: number }> {
    const r = await this.app.request<{ items: { item: { text: string } }[]; futureCount: number }>(
      'memory.list',
      {},
    )
    if (!r.ok || !r.value) throw new Error(r.error?.message ?? 'memory.list failed')
    return { texts: r.value.items.map((v) => v.item.text).sort(), futureCount: r.value.futureCount }
  }

  async close(): Promise<void> {
    await this.device.browser.close()
    await this.device.host.stop()
  }
}
