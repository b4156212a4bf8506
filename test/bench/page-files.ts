import type { Page } from 'playwright-core'

/** Base64 strings per CDP call when moving files between Node and a page. */
export const CHUNK_BYTES = 4 * 1024 * 1024

/** Puts `bytes` in `page` as `window.benchFiles[key]`, in chunks. */
export async function putPageFile(page: Page, key: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate((k) => {
    const w = window as unknown as { benchParts?: Record<string, Uint8Array[]> }
    w.benchParts = { ...w.benchParts, [k]: [] }
  }, key)
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    const part = Buffer.from(bytes.subarray(at, at + CHUNK_BYTES)).toString('base64')
    await page.evaluate(
      ([k, b64]) => {
        const w = window as unknown as { benchParts: Record<string, Uint8Array[]> }
        const raw = atob(b64)
        const out = new Uint8Array(raw.length)
        for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i)
        w.benchParts[k]?.push(out)
      },
      [key, part] as const,
    )
  }
  await page.evaluate((k) => {
    const w = window as unknown as {
      benchParts: Record<string, Uint8Array[]>
      benchFiles?: Record<string, Uint8Array>
    }
    const parts = w.benchParts[k] ?? []
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
    let at = 0
    for (const p of parts) {
      out.set(p, at)
      at += p.length
    }
    w.benchFiles = { ...w.benchFiles, [k]: out }
    delete w.benchParts[k]
  }, key)
}
