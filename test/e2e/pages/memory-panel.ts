import { expect, type Locator, type Page } from '@playwright/test'

/** The Memory panel's curation controls as a person sees them, found by role and accessible name. */
export class MemoryPanel {
  readonly region: Locator
  readonly items: Locator
  readonly add: Locator
  readonly addForm: Locator
  readonly addKind: Locator
  readonly addText: Locator
  readonly addSubmit: Locator
  readonly addProblem: Locator
  readonly pastToggle: Locator
  readonly backToCurrent: Locator
  readonly pastList: Locator
  readonly currentList: Locator
  readonly search: Locator
  readonly kindFilter: Locator

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Memory' })
    this.items = this.region.getByRole('listitem')
    this.add = this.region.getByRole('button', { name: 'Add to memory' })
    this.addForm = this.region.getByRole('form', { name: 'Add to memory' })
    this.addKind = this.addForm.getByRole('combobox', { name: 'Kind' })
    this.addText = this.addForm.getByRole('textbox', { name: 'What to remember' })
    this.addSubmit = this.addForm.getByRole('button', { name: 'Add', exact: true })
    this.addProblem = this.addForm.getByRole('alert')
    this.pastToggle = this.region.getByRole('button', { name: /^Retracted & replaced \(\d+\)$/ })
    this.backToCurrent = this.region.getByRole('button', { name: 'Back to current memory' })
    this.pastList = this.region.getByRole('list', { name: 'Retracted and replaced items' })
    this.currentList = this.region.getByRole('list', { name: 'Remembered items' })
    this.search = this.region.getByRole('searchbox', { name: 'Search memory' })
    this.kindFilter = this.region.getByRole('group', { name: 'Filter by kind' })
  }

  /** The item (current or past, whichever list is shown) whose text contains `text`. */
  item(text: string): Locator {
    return this.items.filter({ hasText: text })
  }

  /** Adds an item through the form, typing at a person's pace. */
  async addItem(kind: 'Fact' | 'Preference' | 'Task' | 'Issue', text: string): Promise<void> {
    await this.add.click()
    await expect(this.addForm).toBeVisible()
    await this.addKind.selectOption({ label: kind })
    await this.addText.click()
    await this.page.keyboard.type(text, { delay: 40 })
    await this.addSubmit.click()
    await expect(this.addForm).toBeHidden()
  }

  /** Edits the current item containing `from`: clears its text and types `to`, then presses Enter. */
  async edit(from: string, to: string): Promise<void> {
    const row = this.currentList.getByRole('listitem').filter({ hasText: from })
    await row.getByRole('button', { name: 'Edit' }).click()
    const box = this.region.getByRole('textbox', { name: 'Memory text' })
    await box.press('ControlOrMeta+a')
    await box.press('Backspace')
    await this.page.keyboard.type(to, { delay: 40 })
    await box.press('Enter')
    await expect(box).toBeHidden()
  }
}
