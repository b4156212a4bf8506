import { expect, type Locator, type Page } from '@playwright/test'

/** The main window as a person sees it, found by role and accessible name. */
export class KeepsakePage {
  readonly message: Locator
  readonly send: Locator
  readonly conversation: Locator
  readonly memory: Locator
  readonly memoryItems: Locator

  constructor(readonly page: Page) {
    this.message = page.getByRole('textbox', { name: 'Message' })
    this.send = page.getByRole('button', { name: 'Send' })
    this.conversation = page.getByRole('log', { name: 'Conversation' })
    this.memory = page.getByRole('region', { name: 'Memory' })
    this.memoryItems = this.memory.getByRole('listitem')
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await expect(this.message).toBeVisible()
  }

  /** Types a message, sends it, and waits for the assistant's reply to appear. */
  async say(text: string): Promise<void> {
    const replies = this.settledMessages()
    const before = await replies.count()
    await this.message.fill(text)
    await this.send.click()
    await expect(this.message).toHaveValue('')
    await expect(replies).toHaveCount(before + 2)
  }

  /** Messages that are saved, not replies still being written. */
  settledMessages(): Locator {
    return this.conversation.getByRole('article').and(this.page.locator(':not([aria-busy="true"])'))
  }

  /** The last assistant reply's text. */
  lastReply(): Locator {
    return this.conversation.getByRole('article').last()
  }
}
