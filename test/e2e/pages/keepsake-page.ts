import { expect, type Locator, type Page } from '@playwright/test'

/** The main window as a person sees it, found by role and accessible name. */
export class KeepsakePage {
  readonly message: Locator
  readonly send: Locator
  readonly conversation: Locator
  readonly memory: Locator
  readonly memoryItems: Locator

  readonly sidebar: Locator
  readonly newConversation: Locator
  readonly searchConversations: Locator
  readonly conversationRows: Locator
  readonly trashButton: Locator
  readonly trash: Locator
  readonly settingsButton: Locator
  readonly chatTitle: Locator
  readonly welcome: Locator
  readonly searchMemory: Locator
  readonly kindFilter: Locator
  readonly settingsDialog: Locator
  readonly palette: Locator
  readonly paletteInput: Locator
  readonly contextDialog: Locator
  readonly quarantineDialog: Locator
  readonly toasts: Locator

  constructor(readonly page: Page) {
    this.message = page.getByRole('textbox', { name: 'Message' })
    this.send = page.getByRole('button', { name: 'Send', exact: true })
    this.conversation = page.getByRole('log', { name: 'Conversation' })
    this.memory = page.getByRole('region', { name: 'Memory' })
    this.memoryItems = this.memory.getByRole('listitem')

    this.sidebar = page.getByRole('navigation', { name: 'Conversations' })
    this.newConversation = this.sidebar.getByRole('button', {
      name: 'New conversation',
      exact: true,
    })
    this.searchConversations = this.sidebar.getByRole('searchbox', { name: 'Search conversations' })
    this.conversationRows = this.sidebar.getByRole('listitem')
    this.trashButton = this.sidebar.getByRole('button', { name: /^Trash( \d+)?$/ })
    this.trash = this.sidebar.getByRole('region', { name: 'Trash' })
    this.settingsButton = this.sidebar.getByRole('button', { name: 'Settings', exact: true })
    this.chatTitle = page.getByRole('main').getByRole('heading', { level: 2 }).first()
    this.welcome = page.getByRole('region', { name: 'Welcome to Keepsake' })
    this.searchMemory = this.memory.getByRole('searchbox', { name: 'Search memory' })
    this.kindFilter = this.memory.getByRole('group', { name: 'Filter by kind' })
    this.settingsDialog = page.getByRole('dialog', { name: 'Settings' })
    this.palette = page.getByRole('dialog', { name: 'Search everything' })
    this.paletteInput = this.palette.getByRole('combobox', { name: 'Search everything' })
    this.contextDialog = page.getByRole('dialog', { name: 'What the assistant saw' })
    this.quarantineDialog = page.getByRole('dialog', { name: 'Unreadable records' })
    this.toasts = page.locator('.toasts')
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await expect(this.message).toBeVisible()
  }

  /** Opens the app and waits until the runtime has answered (settings loaded, so the welcome decided). */
  async openReady(url: string): Promise<void> {
    await this.open(url)
    await expect(this.settingsButton).toBeVisible()
    await this.page.waitForFunction(() => 'keepsakeClient' in window)
    await expect(this.memory.getByRole('heading', { name: /Memory/ })).toBeVisible()
  }

  /**
   * Types a message, sends it, and waits for the assistant's reply to appear. `typed` types it key by
   * key at a person's pace and sends with Enter, as someone at the keyboard would.
   */
  async say(text: string, { typed = false }: { typed?: boolean } = {}): Promise<void> {
    if (typed) {
      await this.message.click()
      await this.page.keyboard.type(text, { delay: 15 })
      await this.message.press('Enter')
    } else {
      await this.message.fill(text)
      await this.send.click()
    }
    await expect(this.message).toHaveValue('')
    // The list is virtualized, so count nothing: wait until it ends with this message and a saved reply.
    await expect
      .poll(() =>
        this.conversation
          .getByRole('article')
          .evaluateAll((nodes) =>
            nodes
              .slice(-2)
              .map((n) => `${n.getAttribute('aria-label') ?? ''}|${n.textContent ?? ''}`),
          ),
      )
      .toEqual([
        expect.stringMatching(
          new RegExp(`^You, .*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 's'),
        ),
        expect.stringMatching(/^Keepsake, (?!writing a reply|reply failed)/),
      ])
  }

  /** Sends a message in a conversation of any length and waits until the log holds `reply`. */
  async sayAndExpect(text: string, reply: string | RegExp): Promise<void> {
    await this.message.fill(text)
    await this.message.press('Enter')
    await expect(this.message).toHaveValue('')
    await expect(this.lastReply()).toContainText(reply)
  }

  /** Messages that are saved, not replies still being written. */
  settledMessages(): Locator {
    return this.conversation.getByRole('article').and(this.page.locator(':not([aria-busy="true"])'))
  }

  /** The last assistant reply's text. */
  lastReply(): Locator {
    return this.conversation.getByRole('article').last()
  }

  /** The sidebar row of the conversation titled `title`. */
  conversationRow(title: string | RegExp): Locator {
    return this.conversationRows.filter({
      has: this.page.getByText(title, { exact: typeof title === 'string' }),
    })
  }

  /** Opens the conversation titled `title` from the sidebar. */
  async openConversation(title: string): Promise<void> {
    await this.conversationRow(title)
      .locator('button[aria-current], button.conv-open')
      .first()
      .click()
    await expect(this.chatTitle).toHaveText(title)
  }

  /** The Memory panel's item whose text contains `text`. */
  memoryItem(text: string): Locator {
    return this.memoryItems.filter({ hasText: text })
  }

  async dismissWelcome(): Promise<void> {
    await this.welcome.getByRole('button', { name: 'Got it' }).click()
    await expect(this.welcome).toBeHidden()
  }

  async openSettings(): Promise<void> {
    await this.settingsButton.click()
    await expect(this.settingsDialog).toBeVisible()
  }

  /** Calls the runtime through the same typed client the UI uses (for seeding large spaces). */
  async request<T = unknown>(
    name: string,
    input: unknown,
  ): Promise<{ ok: boolean; value?: T; error?: { message: string } }> {
    return this.page.evaluate(
      async ([n, i]) => {
        type Client = {
          request(
            name: string,
            input: unknown,
          ): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>
        }
        const w = window as unknown as { keepsakeClient?: Client }
        for (let k = 0; k < 200 && !w.keepsakeClient; k++)
          await new Promise((r) => setTimeout(r, 25))
        return w.keepsakeClient!.request(n as string, i)
      },
      [name, input] as const,
    ) as Promise<{ ok: boolean; value?: T; error?: { message: string } }>
  }

  /**
   * Saves a screenshot of the window in light and in dark to test-results/screens/<name>-<theme>.png.
   * The theme is forced on <html> for the shot and put back afterwards (emulated media changes do not
   * always repaint headless Chromium before the capture).
   */
  async screens(name: string): Promise<void> {
    const before = await this.page.evaluate(() => document.documentElement.dataset.theme ?? null)
    for (const theme of ['light', 'dark'] as const) {
      await this.page.evaluate(
        (t) =>
          new Promise((done) => {
            document.documentElement.dataset.theme = t
            requestAnimationFrame(() => requestAnimationFrame(() => done(null)))
          }),
        theme,
      )
      await this.page.screenshot({
        path: `test-results/screens/${name}-${theme}.png`,
        animations: 'disabled',
      })
    }
    await this.page.evaluate((t) => {
      if (t === null) delete document.documentElement.dataset.theme
      else document.documentElement.dataset.theme = t
    }, before)
  }
}
