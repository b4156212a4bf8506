import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '../../../shared/preload-api'
import { appMenuTemplate, dockMenuTemplate } from '../../../electron/main/app-menu'

const build = (platform: NodeJS.Platform, isPackaged = true) => {
  const sent: MenuCommand[] = []
  let newWindows = 0
  const template = appMenuTemplate({
    appName: 'Keepsake',
    platform,
    isPackaged,
    send: (command) => sent.push(command),
    newWindow: () => {
      newWindows += 1
    },
  })
  return { template, sent, newWindows: () => newWindows }
}

const items = (menu: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] =>
  Array.isArray(menu?.submenu) ? menu.submenu : []

const click = (item: MenuItemConstructorOptions | undefined): void => {
  const handler = item?.click
  if (handler === undefined) throw new Error(`no click on ${item?.label ?? 'nothing'}`)
  // The handler ignores Electron's arguments; the menu under test only forwards commands.
  handler.call(undefined, ...([] as unknown as Parameters<typeof handler>))
}

const byLabel = (menu: MenuItemConstructorOptions | undefined, label: string) =>
  items(menu).find((item) => item.label === label)

describe('appMenuTemplate', () => {
  it('has File, Edit, View, Window and Help, with the macOS app menu first on a Mac', () => {
    const labels = (t: MenuItemConstructorOptions[]) => t.map((m) => m.label ?? m.role)
    expect(labels(build('linux').template)).toEqual([
      'File',
      'editMenu',
      'View',
      'windowMenu',
      'help',
    ])
    expect(labels(build('darwin').template)).toEqual([
      'Keepsake',
      'File',
      'editMenu',
      'View',
      'windowMenu',
      'help',
    ])
  })

  it('sends the File commands to the focused window', () => {
    const t = build('linux')
    const file = t.template[0]
    click(byLabel(file, 'New Conversation'))
    click(byLabel(file, 'Export…'))
    click(byLabel(file, 'Import…'))
    click(byLabel(file, 'Settings'))
    expect(t.sent).toEqual([
      { command: 'new-conversation' },
      { command: 'export' },
      { command: 'import' },
      { command: 'settings' },
    ])
    click(byLabel(file, 'New Window'))
    expect(t.newWindows()).toBe(1)
    expect(
      items(file)
        .map((item) => item.id)
        .filter(Boolean),
    ).toEqual(['new-conversation', 'new-window', 'export', 'import', 'settings'])
  })

  it('ends File with Quit elsewhere and Close on a Mac (Quit is in the app menu there)', () => {
    expect(items(build('win32').template[0]).at(-1)?.role).toBe('quit')
    const mac = build('darwin').template
    expect(items(mac[1]).at(-1)?.role).toBe('close')
    expect(items(mac[0]).some((item) => item.role === 'quit')).toBe(true)
  })

  it('offers developer tools only in development builds', () => {
    const roles = (t: MenuItemConstructorOptions[]) =>
      items(t.find((m) => m.label === 'View')).map((i) => i.role)
    expect(roles(build('linux', true).template)).not.toContain('toggleDevTools')
    expect(roles(build('linux', false).template)).toContain('toggleDevTools')
  })
})

describe('dockMenuTemplate', () => {
  it('reopens a window', () => {
    let opened = 0
    const [item] = dockMenuTemplate({ newWindow: () => (opened += 1) })
    click(item)
    expect(opened).toBe(1)
  })
})
