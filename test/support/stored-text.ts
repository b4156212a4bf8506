import type { Page } from '@playwright/test'

/** Where a looked-for text was found in the browser profile's storage. */
export interface StoredHit {
  needle: string
  where: string
}

/** What a scan read, so a test can show it was not vacuous. */
export interface StorageScan {
  hits: StoredHit[]
  databases: string[]
  stores: number
  rows: number
  bytes: number
}

/**
 * Reads everything the app's origin stores in this browser profile — every object store of every
 * IndexedDB database (values and keys), localStorage, sessionStorage and Cache Storage — and
 * reports where any of `needles` occurs: in strings, and as UTF-8 inside every binary value
 * (Uint8Array, any typed array, ArrayBuffer, Blob), at any depth. Opening a database by name does
 * not create it: only the names `indexedDB.databases()` lists are read.
 */
export function scanStoredText(page: Page, needles: readonly string[]): Promise<StorageScan> {
  return page.evaluate(async (wanted) => {
    const encoder = new TextEncoder()
    const patterns = wanted.map((n) => ({ text: n, bytes: encoder.encode(n) }))
    const hits: { needle: string; where: string }[] = []
    let stores = 0
    let rows = 0
    let bytes = 0

    const bytesContain = (hay: Uint8Array, needle: Uint8Array): boolean => {
      outer: for (let i = 0; i + needle.length <= hay.length; i++) {
        for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer
        return true
      }
      return false
    }
    const checkBytes = (b: Uint8Array, where: string): void => {
      bytes += b.length
      for (const p of patterns) if (bytesContain(b, p.bytes)) hits.push({ needle: p.text, where })
    }
    const checkString = (s: string, where: string): void => {
      for (const p of patterns) if (s.includes(p.text)) hits.push({ needle: p.text, where })
    }
    const walk = async (value: unknown, where: string): Promise<void> => {
      const stack: { v: unknown; at: string }[] = [{ v: value, at: where }]
      while (stack.length > 0) {
        const { v, at } = stack.pop()!
        if (typeof v === 'string') checkString(v, at)
        else if (v instanceof ArrayBuffer) checkBytes(new Uint8Array(v), at)
        else if (ArrayBuffer.isView(v))
          checkBytes(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), at)
        else if (v instanceof Blob) checkBytes(new Uint8Array(await v.arrayBuffer()), at)
        else if (v instanceof Map)
          for (const [k, x] of v)
            stack.push({ v: k, at: `${at}<key>` }, { v: x, at: `${at}.${String(k)}` })
        else if (typeof v === 'object' && v !== null)
          for (const [k, x] of Object.entries(v)) {
            checkString(k, `${at}<key ${k}>`)
            stack.push({ v: x, at: `${at}.${k}` })
          }
      }
    }

    const infos = await indexedDB.databases()
    const names = infos.map((d) => d.name ?? '').filter((n) => n !== '')
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name)
        r.onsuccess = () => resolve(r.result)
        r.onerror = () => reject(r.error)
      })
      for (const store of Array.from(db.objectStoreNames)) {
        stores += 1
        const [keys, values] = await new Promise<[IDBValidKey[], unknown[]]>((resolve, reject) => {
          const tx = db.transaction(store, 'readonly')
          const s = tx.objectStore(store)
          const k = s.getAllKeys()
          const v = s.getAll()
          tx.oncomplete = () => resolve([k.result, v.result])
          tx.onerror = () => reject(tx.error)
        })
        rows += values.length
        for (let i = 0; i < values.length; i++) {
          const where = `indexedDB ${name}/${store}[${JSON.stringify(keys[i])}]`
          await walk(keys[i], `${where}<key>`)
          await walk(values[i], where)
        }
      }
      db.close()
    }
    for (const [label, storage] of [
      ['localStorage', localStorage],
      ['sessionStorage', sessionStorage],
    ] as const) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? ''
        rows += 1
        checkString(key, `${label}<key ${key}>`)
        checkString(storage.getItem(key) ?? '', `${label}.${key}`)
      }
    }
    if ('caches' in globalThis) {
      for (const cacheName of await caches.keys()) {
        const cache = await caches.open(cacheName)
        for (const request of await cache.keys()) {
          const response = await cache.match(request)
          rows += 1
          if (response)
            checkBytes(
              new Uint8Array(await response.arrayBuffer()),
              `cache ${cacheName} ${request.url}`,
            )
        }
      }
    }
    return { hits, databases: names, stores, rows, bytes }
  }, needles)
}
