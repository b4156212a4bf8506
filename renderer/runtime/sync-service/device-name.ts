/**
 * A name for this device when the person gives none, from the user agent's platform:
 * "Keepsake on Linux". Other devices show it in their paired devices list.
 */
export function defaultDeviceName(
  userAgent: string = globalThis.navigator?.userAgent ?? '',
): string {
  const platform = /Windows/.test(userAgent)
    ? 'Windows'
    : /Mac OS X|Macintosh/.test(userAgent)
      ? 'Mac'
      : /Linux|X11/.test(userAgent)
        ? 'Linux'
        : null
  return platform === null ? 'Keepsake device' : `Keepsake on ${platform}`
}

/** The name to announce: the person's choice when they gave one, else the default. */
export function chooseDeviceName(
  given: string | undefined,
  fallback = defaultDeviceName(),
): string {
  const trimmed = given?.trim() ?? ''
  return trimmed === '' ? fallback : trimmed.slice(0, 200)
}
