import type { Session, WebContents } from 'electron'
import { decidePermission } from './policy/decide-permission'
import { isAllowedNavigation } from './policy/is-allowed-navigation'
import { decideWindowOpen } from './policy/window-open'

/**
 * Denies every permission request and check on `session` (camera, microphone, notifications,
 * HID/USB/serial devices, ...) through `decidePermission`.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(decidePermission(permission, details.requestingUrl))
  })
  session.setPermissionCheckHandler((_contents, permission, origin) =>
    decidePermission(permission, origin),
  )
  session.setDevicePermissionHandler((details) =>
    decidePermission(details.deviceType, details.origin),
  )
}

/**
 * Locks a webContents to the app: navigations and redirects outside `keepsake://app/` are
 * cancelled, no new windows are ever opened (safe http(s) links go to the default browser), and
 * `<webview>` can never attach.
 */
export function hardenContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url)
    if (decision.openExternally) openExternal(url)
    return { action: decision.action }
  })
}
