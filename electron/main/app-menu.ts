import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../../shared/preload-api'

export interface AppMenuDeps {
  appName: string
  platform: NodeJS.Platform
  /** Developer tools are offered only in development builds. */
  isPackaged: boolean
  /** Sends a command to the focused UI window (`ui:menu`). */
  send(command: MenuCommand): void
  newWindow(): void
}

/**
 * The application menu (items that send a command carry it as their `id`, New Window is
 * `new-window`): (macOS app menu), File (New Conversation, New Window, Export…, Import…,
 * Settings, Close/Quit), Edit, View, Window, Help. App commands go to the focused UI window.
 */
export function appMenuTemplate(deps: AppMenuDeps): MenuItemConstructorOptions[] {
  const mac = deps.platform === 'darwin'
  const command = (
    label: string,
    cmd: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    id: cmd.command,
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => deps.send(cmd),
  })
  const settings = command(mac ? 'Settings…' : 'Settings', { command: 'settings' }, 'CmdOrCtrl+,')

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: deps.appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            settings,
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : []

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('New Conversation', { command: 'new-conversation' }, 'CmdOrCtrl+N'),
      {
        id: 'new-window',
        label: 'New Window',
        accelerator: 'CmdOrCtrl+Shift+N',
        click: () => deps.newWindow(),
      },
      { type: 'separator' },
      command('Export…', { command: 'export' }, 'CmdOrCtrl+E'),
      command('Import…', { command: 'import' }, 'CmdOrCtrl+O'),
      ...(mac ? [] : [{ type: 'separator' } as const, settings]),
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  }

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      ...(deps.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ role: 'about', label: `About ${deps.appName}` }],
  }

  return [...appMenu, file, { role: 'editMenu' }, view, { role: 'windowMenu' }, help]
}

/** The macOS dock menu: reopen a window while the runtime keeps running with none open. */
export function dockMenuTemplate(
  deps: Pick<AppMenuDeps, 'newWindow'>,
): MenuItemConstructorOptions[] {
  return [{ label: 'New Window', click: () => deps.newWindow() }]
}
