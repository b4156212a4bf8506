import { test, expect } from './fixtures'
import { KeepsakePage } from './pages/keepsake-page'
import { MemoryPanel } from './pages/memory-panel'

/** A date with its time, as History and the replaced list show them: "Dec 4, 2026, 11:17 PM". */
const DATE_TIME = /[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}/

const sizes = [
  { width: 1400, height: 900 },
  { width: 900, height: 650 },
] as const

/** Screenshots of the window at both sizes, light and dark, under test-results/screens. */
async function shots(app: KeepsakePage, name: string): Promise<void> {
  for (const size of sizes) {
    await app.page.setViewportSize(size)
    await app.screens(`${name}-${size.width}`)
  }
  await app.page.setViewportSize(sizes[0])
}

/** Types a message at a person's pace and sends it with Enter. */
async function tell(app: KeepsakePage, text: string): Promise<void> {
  await app.message.click()
  await app.page.keyboard.type(text, { delay: 40 })
  await app.page.keyboard.press('Enter')
  await expect(app.message).toHaveValue('')
}

test.beforeEach(async ({ device }) => {
  await device.browser.page.setViewportSize(sizes[0])
})

test('add an item directly: its kind and text, refused with a message when empty', async ({
  device,
}) => {
  const app = new KeepsakePage(device.browser.page)
  const memory = new MemoryPanel(app.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()

  await memory.add.click()
  await memory.addSubmit.click()
  await expect(memory.addProblem).toHaveText('Type what to remember.')
  await expect(memory.addText).toBeFocused()
  await memory.addText.click()
  await app.page.keyboard.type('   ', { delay: 40 })
  await app.page.keyboard.press('Enter')
  await expect(memory.addProblem).toHaveText('Type what to remember.')
  await expect(memory.items).toHaveCount(0)
  await shots(app, 'memory-add-refused')

  await memory.addKind.selectOption({ label: 'Task' })
  await memory.addText.click()
  await app.page.keyboard.type('Book the car service', { delay: 40 })
  await memory.addSubmit.click()
  await expect(memory.addForm).toBeHidden()
  const task = memory.item('Book the car service')
  await expect(task).toHaveCount(1)
  await expect(task).toContainText('Task')
  // Just added: open, not said to be under way.
  await expect(task.locator('.badge')).toHaveText('Open')
  await expect(app.toasts).toContainText('Remembered “Book the car service”.')

  // The same text again is not a second item: it is confirmed again, and the toast says so.
  await memory.addItem('Task', 'book the car service')
  await expect(memory.items).toHaveCount(1)
  await expect(app.toasts).toContainText('Already remembered “Book the car service”')

  await memory.addItem('Preference', 'Dark mode in every app')
  await expect(memory.item('Dark mode in every app')).toContainText('Preference')
  // It is memory like any other: the assistant answers from it.
  await tell(app, 'What do you know about me?')
  await expect(app.lastReply()).toContainText('Dark mode in every app')
})

test('retract, Undo, the retracted and replaced list, Restore, and an edit that keeps its source message', async ({
  device,
}) => {
  const app = new KeepsakePage(device.browser.page)
  const memory = new MemoryPanel(app.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()

  await tell(app, 'My dentist is Dr. Lee')
  const dentist = memory.item('Dr. Lee')
  await expect(dentist).toHaveCount(1)
  await expect(dentist.getByRole('button', { name: 'Source message' })).toBeVisible()

  // Editing keeps the link to the message it was learnt from, and history has times.
  await memory.edit('Dr. Lee', 'My dentist is Dr. Lee at Smile Clinic')
  const edited = memory.item('Smile Clinic')
  await expect(edited).toHaveCount(1)
  await expect(edited.getByRole('button', { name: 'Source message' })).toBeVisible()
  await edited.getByRole('button', { name: 'History' }).click()
  const history = edited.getByRole('group', { name: /History of/ })
  await expect(history).toContainText('was “My dentist is Dr. Lee” until')
  await expect(history).toContainText(DATE_TIME)
  await edited.getByRole('button', { name: 'Source message' }).click()
  await expect(
    app.conversation.getByRole('article').filter({ hasText: 'My dentist is Dr. Lee' }).first(),
  ).toBeVisible()

  // Retract, then Undo from the toast: current again, and it says so.
  await edited.getByRole('button', { name: 'Retract' }).click()
  await expect(memory.currentList.getByRole('listitem')).toHaveCount(0)
  const toast = app.toasts
    .getByRole('status')
    .filter({ hasText: 'Retracted “My dentist is Dr. Lee at Smile Clinic”' })
  await expect(toast).toBeVisible()
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(memory.item('Smile Clinic')).toHaveCount(1)
  await expect(app.toasts).toContainText('Restored “My dentist is Dr. Lee at Smile Clinic”')

  // Retract again and find it in the retracted and replaced list, never among current items.
  await memory.item('Smile Clinic').getByRole('button', { name: 'Retract' }).click()
  await expect(memory.currentList).toHaveCount(0)
  await memory.pastToggle.click()
  const rows = memory.pastList.getByRole('listitem')
  // The first wording (replaced by the edit), the retraction that was undone, and this one.
  await expect(rows).toHaveCount(3)
  await expect(rows.filter({ hasText: 'Replaced — not current' })).toContainText(
    'My dentist is Dr. Lee',
  )
  await expect(rows.filter({ hasText: 'Retracted — not current' })).toHaveCount(2)
  // Only the retraction that still holds can be restored; the undone one says it was restored.
  const retracted = rows.filter({ has: app.page.getByRole('button', { name: 'Restore' }) })
  await expect(retracted).toHaveCount(1)
  await expect(retracted).toContainText('Smile Clinic')
  await expect(retracted).toContainText(new RegExp(`Retracted ${DATE_TIME.source}`))
  await expect(rows.filter({ hasText: 'restored as a new version' })).toHaveCount(1)
  await retracted.getByRole('button', { name: 'History' }).click()
  await expect(retracted.getByRole('group', { name: /History of/ })).toContainText('(retracted)')
  await shots(app, 'memory-past')

  await retracted.getByRole('button', { name: 'Restore' }).click()
  await expect(app.toasts).toContainText('Restored “My dentist is Dr. Lee at Smile Clinic”')
  await memory.backToCurrent.click()
  await expect(memory.currentList.getByRole('listitem')).toHaveCount(1)
  await expect(memory.item('Smile Clinic')).toHaveCount(1)
  // The assistant sees it as current again.
  await tell(app, 'Who is my dentist?')
  await expect(app.lastReply()).toContainText('Smile Clinic')
})

test('filter chip counts follow the search, and at 900×650 every chip is whole and visible', async ({
  device,
}) => {
  const app = new KeepsakePage(device.browser.page)
  const memory = new MemoryPanel(app.page)
  await app.openReady(device.host.url)
  await app.dismissWelcome()
  for (const [kind, text] of [
    ['remember', 'My dentist is Dr. Lee'],
    ['remember', 'My gym class is on Tuesdays'],
  ] as const)
    expect((await app.request(`memory.${kind}`, { text })).ok).toBe(true)
  expect(
    (await app.request('memory.remember', { text: 'Call the dentist', kind: 'task' })).ok,
  ).toBe(true)
  expect(
    (await app.request('memory.remember', { text: 'Reply to the gym', kind: 'task' })).ok,
  ).toBe(true)
  expect((await app.request('memory.remember', { text: 'Printer jams', kind: 'issue' })).ok).toBe(
    true,
  )
  await expect(memory.items).toHaveCount(5)

  const chip = (name: string) =>
    memory.kindFilter.getByRole('button', { name: new RegExp(`^${name}`) })
  await expect(chip('Facts')).toHaveText('Facts2')
  await expect(chip('Tasks')).toHaveText('Tasks2')
  await memory.search.click()
  await app.page.keyboard.type('dentist', { delay: 40 })
  await expect(memory.items).toHaveCount(2)
  await expect(chip('All')).toHaveText('All2')
  await expect(chip('Facts')).toHaveText('Facts1')
  await expect(chip('Tasks')).toHaveText('Tasks1')
  await expect(chip('Issues')).toHaveText('Issues0')
  await shots(app, 'memory-search-counts')

  await app.page.setViewportSize({ width: 900, height: 650 })
  await expect(memory.region).toBeVisible()
  for (const name of ['All', 'Preferences', 'Facts', 'Tasks', 'Issues']) {
    const button = chip(name)
    await expect(button).toBeVisible()
    // Whole, inside the panel, and not covered or scrolled away: the chip is what is drawn at its corners.
    const whole = await button.evaluate((el) => {
      const r = el.getBoundingClientRect()
      const panel = el.closest('[aria-label="Memory"]')!.getBoundingClientRect()
      const inside = r.left >= panel.left && r.right <= panel.right && r.width > 0
      const at = (x: number, y: number) => el.contains(document.elementFromPoint(x, y))
      return inside && at(r.left + 2, r.top + r.height / 2) && at(r.right - 2, r.top + r.height / 2)
    })
    expect(whole, `${name} is cut or hidden`).toBe(true)
  }
})
