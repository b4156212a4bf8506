/**
 * Whether two JSON-like values hold the same data: same keys (in any order) with the same values,
 * object keys whose value is undefined counting as absent, as in JSON. Bytes compare by content.
 * @example sameData({ a: 1, b: undefined }, { a: 1 }) === true
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    if (!(a instanceof Uint8Array && b instanceof Uint8Array) || a.length !== b.length) return false
    return a.every((byte, i) => byte === b[i])
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((item: unknown, i) => sameData(item, b[i]))
  }
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  let defined = 0
  for (const key in x) {
    if (!Object.hasOwn(x, key) || x[key] === undefined) continue
    defined++
    if (!Object.hasOwn(y, key) || !sameData(x[key], y[key])) return false
  }
  for (const key in y) if (Object.hasOwn(y, key) && y[key] !== undefined) defined--
  return defined === 0
}
