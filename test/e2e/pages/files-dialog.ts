import { join } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'

/** The Files dialog as a person sees it. */
export class FilesDialog {
  readonly open: Locator
  readonly dialog: Locator
  readonly exportSpace: Locator
  readonly exportConversation: Locator
  readonly format: Locator
  readonly importFile: Locator
  readonly asNewSpace: Locator
  readonly merge: Locator
  readonly replace: Locator
  readonly importButton: Locator
  readonly status: Locator
  readonly alert: Locator
  readonly close: Locator

  constructor(readonly page: Page) {
    this.open = page.getByRole('button', { name: 'Export & import' })
    this.dialog = page.getByRole('dialog', { name: 'Files' })
    this.exportSpace = this.dialog.getByRole('button', { name: 'Export space' })
    this.exportConversation = this.dialog.getByRole('button', { name: 'Export conversation' })
    this.format = this.dialog.getByRole('combobox', { name: 'Format' })
    this.importFile = this.dialog.getByLabel('Import file')
    this.asNewSpace = this.dialog.getByRole('radio', { name: 'As a new space' })
    this.merge = this.dialog.getByRole('radio', { name: 'Merge into this space' })
    this.replace = this.dialog.getByRole('radio', { name: 'Replace this space' })
    this.importButton = this.dialog.getByRole('button', { name: 'Import', exact: true })
    this.status = this.dialog.getByRole('status')
    this.alert = this.dialog.getByRole('alert')
    this.close = this.dialog.getByRole('button', { name: 'Close' })
  }

  /** Exports the whole space and returns where the download was saved. */
  async exportSpaceTo(dir: string, format: 'json' | 'msgpack'): Promise<string> {
    await this.open.click()
    await this.format.selectOption(format)
    const download = this.page.waitForEvent('download')
    await this.exportSpace.click()
    const file = await download
    const path = join(dir, file.suggestedFilename())
    await file.saveAs(path)
    await expect(this.status).toContainText('Exported')
    await this.close.click()
    return path
  }

  async importFrom(path: string, mode: Locator): Promise<void> {
    await this.open.click()
    await this.importFile.setInputFiles(path)
    await mode.check()
    await this.importButton.click()
    // Replacing asks first.
    if (mode === this.replace)
      await this.page
        .getByRole('dialog', { name: /^Replace “.*”\?$/ })
        .getByRole('button', { name: 'Replace', exact: true })
        .click()
  }
}
