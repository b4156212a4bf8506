/**
 * Whether a renderer may have a web permission (camera, microphone, geolocation, notifications,
 * clipboard, MIDI, HID, ...). Keepsake needs none of them, so every request and every check is
 * denied, whatever the origin. Used by `setPermissionRequestHandler` and `setPermissionCheckHandler`.
 */
export function decidePermission(_permission: string, _origin: string): boolean {
  return false
}
