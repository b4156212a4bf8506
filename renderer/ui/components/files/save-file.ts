import { ok, type Result } from '../../../../shared/errors'
import { electronApi } from '../../client/connect'

/**
 * Hands an export to the person: Electron asks where to save it (main writes it); the browser
 * host downloads it (a Blob behind an anchor with a `download` name). Backing out of the save
 * dialog is `cancelled`.
 */
export async function saveFile(
  fileName: string,
  bytes: Uint8Array,
): Promise<Result<{ name: string }>> {
  const api = electronApi()
  if (api) return api.saveFile(fileName, bytes)
  const type = fileName.endsWith('.json') ? 'application/json' : 'application/octet-stream'
  // A copy backed by a plain ArrayBuffer, as Blob requires.
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  // Revoked after the click has been handled, so the download has its URL.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return ok({ name: fileName })
}
