import type { Page } from '@playwright/test'

/**
 * Straight IndexedDB access to a space's database from the app's page (same origin as the runtime's
 * worker): what a damaged disk, a newer build or a buggy writer would leave behind. Byte arrays cross
 * to Node as `{ bytes: number[] }`.
 */
export type RawRow = Record<string, unknown>

/** Every row of `store`, with byte arrays as `{ bytes: number[] }`. */
export function readRows(page: Page, spaceId: string, store: string): Promise<RawRow[]> {
  return page.evaluate(
    async ([name, s]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name)
        r.onsuccess = () => resolve(r.result)
        r.onerror = () => reject(r.error)
      })
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const r = db.transaction(s, 'readonly').objectStore(s).getAll()
        r.onsuccess = () => resolve(r.result)
        r.onerror = () => reject(r.error)
      })
      db.close()
      return JSON.parse(
        JSON.stringify(rows, (_, v: unknown) =>
          v instanceof Uint8Array ? { bytes: Array.from(v) } : v,
        ),
      ) as Record<string, unknown>[]
    },
    [`keepsake-space-${spaceId}`, store] as const,
  )
}

/** Writes `row` into `store` (put), strictly durable; `{ bytes: number[] }` values become Uint8Arrays. */
export function putRow(page: Page, spaceId: string, store: string, row: RawRow): Promise<void> {
  return page.evaluate(
    async ([name, s, r]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const o = indexedDB.open(name)
        o.onsuccess = () => resolve(o.result)
        o.onerror = () => reject(o.error)
      })
      const value = JSON.parse(JSON.stringify(r), (_, v: unknown) =>
        typeof v === 'object' && v !== null && 'bytes' in v && Array.isArray(v.bytes)
          ? new Uint8Array(v.bytes as number[])
          : v,
      ) as unknown
      await new Promise((resolve, reject) => {
        const tx = db.transaction(s, 'readwrite', { durability: 'strict' })
        tx.objectStore(s).put(value)
        tx.oncomplete = resolve
        tx.onerror = () => reject(tx.error)
      })
      db.close()
    },
    [`keepsake-space-${spaceId}`, store, row] as const,
  )
}

/** Every store of the space database as one string, to compare before and after. */
export async function dumpStores(
  page: Page,
  spaceId: string,
  stores: readonly string[],
): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const store of stores) out[store] = JSON.stringify(await readRows(page, spaceId, store))
  return out
}
