import { formatPath } from '../validation'
import { FORBIDDEN_KEYS, type SessionLimits } from './limits'
import { failed, passed, type Checked } from './problems'

type Segment = string | number

class Refused {
  readonly path: Segment[]
  constructor(
    path: readonly Segment[],
    readonly message: string,
  ) {
    this.path = [...path]
  }
}

/**
 * Checks that a decoded value is plain data — null, booleans, finite numbers, strings, arrays,
 * objects with string keys, and (msgpack only) byte arrays — within the depth and string limits,
 * with no `__proto__`, `constructor` or `prototype` key. Returns a rebuilt copy in which msgpack
 * maps are plain objects. The first problem is reported with its path.
 */
export function toPlainData(
  value: unknown,
  limits: Pick<SessionLimits, 'maxDepth' | 'maxStringLength'>,
  options: {
    allowBytes: boolean
    /**
     * Check `value` where it is instead of rebuilding it (msgpack decoded with maps as objects):
     * only a byte array that is not a plain `Uint8Array` is swapped for a plain view in its place.
     */
    inPlace?: boolean
    /** Keys refused anywhere (default FORBIDDEN_KEYS); `__proto__` is always refused. */
    forbiddenKeys?: ReadonlySet<string>
  },
): Checked<unknown> {
  // JSON.parse output holds no maps or bytes: it is checked in place, not copied.
  const copy = options.allowBytes && options.inPlace !== true
  const forbidden = options.forbiddenKeys ?? FORBIDDEN_KEYS
  // One path stack for the whole walk; it is copied only when something is refused.
  const path: Segment[] = []
  const walk = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v === 'boolean') return v
    if (typeof v === 'string') {
      if (v.length > limits.maxStringLength)
        throw new Refused(
          path,
          `a string of ${v.length} characters is longer than the limit of ${limits.maxStringLength}`,
        )
      return v
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Refused(path, `${v} is not a finite number`)
      return v
    }
    if (v instanceof Uint8Array) {
      if (!options.allowBytes) throw new Refused(path, 'binary data is not allowed here')
      // A plain view, not a subclass (Node's Buffer), so every platform reads the same value.
      return new Uint8Array(v.buffer, v.byteOffset, v.byteLength)
    }
    if (typeof v !== 'object') throw new Refused(path, `a value of type ${typeof v} is not allowed`)
    if (depth >= limits.maxDepth)
      throw new Refused(path, `nesting is deeper than the limit of ${limits.maxDepth} levels`)
    if (Array.isArray(v)) {
      const items = copy ? new Array<unknown>(v.length) : v
      for (let i = 0; i < v.length; i++) {
        path.push(i)
        const item = walk(v[i], depth + 1)
        if (copy || item !== v[i]) items[i] = item
        path.pop()
      }
      return items
    }
    if (isPlainObject(v)) {
      // Key by key, not `Object.entries`: a pair array for every key of every object was the
      // largest garbage of reading an export (55 MiB for 35 MiB of JSON). A plain object inherits
      // no enumerable key, so `for…in` sees exactly its own keys.
      const out: Record<string, unknown> | null = copy ? {} : null
      for (const key in v) {
        path.push(key)
        if (forbidden.has(key) || key === '__proto__')
          throw new Refused(path, `the key "${key}" is not allowed`)
        const item = walk(v[key], depth + 1)
        if (out) out[key] = item
        else if (item !== v[key]) v[key] = item
        path.pop()
      }
      return out ?? v
    }
    if (!(v instanceof Map)) return notPlain(path)
    const out: Record<string, unknown> = {}
    for (const [key, item] of v) {
      if (copy && typeof key !== 'string')
        throw new Refused(
          path,
          `a map key of type ${typeof key} is not allowed; keys must be strings`,
        )
      path.push(String(key))
      if (forbidden.has(String(key)) || String(key) === '__proto__')
        throw new Refused(path, `the key "${String(key)}" is not allowed`)
      const checked = walk(item, depth + 1)
      if (copy) out[String(key)] = checked
      path.pop()
    }
    return copy ? out : v
  }
  try {
    return passed(walk(value, 0))
  } catch (e) {
    if (e instanceof Refused) return failed('file-invalid', formatPath(e.path), e.message)
    throw e
  }
}

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

function notPlain(path: Segment[]): never {
  throw new Refused(
    path,
    'only plain objects, arrays, strings, numbers, booleans and null are allowed',
  )
}
