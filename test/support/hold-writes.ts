import type { Page } from '@playwright/test'

/**
 * Holds a read-write IndexedDB transaction on the space's update log from the page, so every write
 * the runtime makes waits behind it, exactly as a slow disk would make a save wait. Nothing in the
 * app is changed for the test: the runtime's own transaction simply queues. Resolves once the lock
 * is held; call the returned function to let the writes through.
 */
export async function holdWrites(page: Page, spaceId: string): Promise<() => Promise<void>> {
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const w = window as unknown as { keepsakeReleaseWrites?: boolean }
        w.keepsakeReleaseWrites = false
        const open = indexedDB.open(name)
        open.onerror = () => reject(open.error ?? new Error('open failed'))
        open.onsuccess = () => {
          const db = open.result
          const store = db.transaction(['updates'], 'readwrite').objectStore('updates')
          // A transaction stays open while it has a request in flight: keep one in flight.
          const spin = (): void => {
            if (w.keepsakeReleaseWrites) db.close()
            else store.count().onsuccess = spin
          }
          spin()
          resolve()
        }
      }),
    `keepsake-space-${spaceId}`,
  )
  return async () => {
    await page.evaluate(() => {
      ;(window as unknown as { keepsakeReleaseWrites?: boolean }).keepsakeReleaseWrites = true
    })
  }
}
