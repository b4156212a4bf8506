/**
 * Whether `url` may be handed to `shell.openExternal`: an absolute http(s) URL with a host and no
 * embedded credentials. Every other scheme (file:, smb:, javascript:, custom handlers) can run or
 * expose something on the machine, so it is refused.
 * @example isSafeExternalUrl('https://ollama.com/library') === true
 * @example isSafeExternalUrl('file:///etc/passwd') === false
 */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > 2048) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  )
}
