import { gunzipSync, gzipSync } from 'node:zlib'
import { Packr, Unpackr } from 'msgpackr'
import { rng } from '../bench/page/synth'

/** One mutant: its bytes and what was done to make it. */
export interface Mutant {
  bytes: Uint8Array
  how: string
  encoding: 'json' | 'msgpack'
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const packr = new Packr({ useRecords: false })
const unpackr = new Unpackr({ useRecords: false, mapsAsObjects: true })

/** A seeded source of choices. */
class Dice {
  private readonly next: () => number
  constructor(seed: number) {
    this.next = rng(seed)
  }
  int(n: number): number {
    return Math.floor(this.next() * n)
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }
  bytes(n: number): Uint8Array {
    return Uint8Array.from({ length: n }, () => this.int(256))
  }
}

// ---- byte-level mutations (any encoding) ----

const BYTE_MUTATIONS: Record<string, (b: Uint8Array, d: Dice) => Uint8Array> = {
  'flip a bit': (b, d) => {
    const out = b.slice()
    const at = d.int(out.length)
    out[at] = (out[at] ?? 0) ^ (1 << d.int(8))
    return out
  },
  'overwrite a byte': (b, d) => {
    const out = b.slice()
    out[d.int(out.length)] = d.int(256)
    return out
  },
  truncate: (b, d) => b.slice(0, d.int(b.length)),
  'delete a range': (b, d) => {
    const at = d.int(b.length)
    const n = 1 + d.int(64)
    return new Uint8Array([...b.subarray(0, at), ...b.subarray(at + n)])
  },
  'insert random bytes': (b, d) => {
    const at = d.int(b.length + 1)
    return new Uint8Array([...b.subarray(0, at), ...d.bytes(1 + d.int(32)), ...b.subarray(at)])
  },
  'duplicate a range': (b, d) => {
    const at = d.int(b.length)
    const n = 1 + d.int(128)
    return new Uint8Array([
      ...b.subarray(0, at + n),
      ...b.subarray(at, at + n),
      ...b.subarray(at + n),
    ])
  },
}

// ---- structure-level mutations (the decoded value) ----

/** Every container in the value with the path to it. */
function containers(
  value: Json,
  path: string,
  out: { path: string; node: Json[] | { [key: string]: Json } }[],
): void {
  // Yjs states decode as byte arrays: damage to them is the byte-level mutations' job.
  if (value instanceof Uint8Array) return
  if (Array.isArray(value)) {
    out.push({ path, node: value })
    value.forEach((v, i) => containers(v, `${path}[${i}]`, out))
  } else if (value !== null && typeof value === 'object') {
    out.push({ path, node: value })
    for (const [k, v] of Object.entries(value)) containers(v, `${path}.${k}`, out)
  }
}

const STRANGE: readonly Json[] = [
  null,
  true,
  -1,
  0,
  1e308,
  -0.5,
  '',
  'not a date',
  '2026-02-30T25:61:00Z',
  '\u0000',
  'x'.repeat(5000),
  [],
  {},
  { __proto__: 'x' },
  [[[[[[]]]]]],
  '999',
]

const keysOf = (node: Json[] | { [key: string]: Json }): (string | number)[] =>
  Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node)

function setAt(node: Json[] | { [key: string]: Json }, key: string | number, value: Json): void {
  if (Array.isArray(node)) node[Number(key)] = value
  else
    Object.defineProperty(node, String(key), {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
}

const STRUCTURE_MUTATIONS: Record<string, (v: Json, d: Dice) => string> = {
  'delete a key': (v, d) => {
    const objects = collect(v).filter((c) => !Array.isArray(c.node) && keysOf(c.node).length > 0)
    if (objects.length === 0) return 'nothing to delete'
    const c = d.pick(objects)
    const key = String(d.pick(keysOf(c.node)))
    delete (c.node as { [key: string]: Json })[key]
    return `${c.path}.${key}`
  },
  'replace a value': (v, d) => {
    const c = d.pick(collect(v).filter((x) => keysOf(x.node).length > 0))
    const key = d.pick(keysOf(c.node))
    const value = structuredClone(d.pick(STRANGE))
    setAt(c.node, key, value)
    return `${c.path}[${String(key)}] = ${JSON.stringify(value)?.slice(0, 30)}`
  },
  'bump a version': (v, d) => {
    const versions = collect(v).filter(
      (c) => !Array.isArray(c.node) && ('schemaVersion' in c.node || 'formatVersion' in c.node),
    )
    if (versions.length === 0) return 'no versions'
    const c = d.pick(versions)
    const key = 'formatVersion' in c.node && d.int(2) === 0 ? 'formatVersion' : 'schemaVersion'
    const value = d.pick<Json>([0, 3, 99, '2', -1, 2.5, null])
    setAt(c.node, key, value)
    return `${c.path}.${key} = ${JSON.stringify(value)}`
  },
  'add an unknown key': (v, d) => {
    const objects = collect(v).filter((c) => !Array.isArray(c.node))
    const c = d.pick(objects)
    const key = d.pick(['extra', '__proto__', 'constructor', 'prototype', ''])
    setAt(c.node, key, { polluted: true })
    return `${c.path}.${key}`
  },
  'duplicate an array item': (v, d) => {
    const arrays = collect(v).filter((c) => Array.isArray(c.node) && c.node.length > 0)
    if (arrays.length === 0) return 'no arrays'
    const c = d.pick(arrays)
    const list = c.node as Json[]
    list.push(structuredClone(d.pick(list)))
    return c.path
  },
  'nest deeply': (v, d) => {
    const c = d.pick(collect(v).filter((x) => keysOf(x.node).length > 0))
    const key = d.pick(keysOf(c.node))
    let value: Json = 'deep'
    for (let i = 0; i < 200; i++) value = [value]
    setAt(c.node, key, value)
    return `${c.path}[${String(key)}]`
  },
  'swap two values': (v, d) => {
    const all = collect(v).filter((x) => keysOf(x.node).length > 0)
    const a = d.pick(all)
    const b = d.pick(all)
    const ka = d.pick(keysOf(a.node))
    const kb = d.pick(keysOf(b.node))
    const va = structuredClone((a.node as Record<string, Json>)[ka as string] ?? null)
    const vb = structuredClone((b.node as Record<string, Json>)[kb as string] ?? null)
    setAt(a.node, ka, vb)
    setAt(b.node, kb, va)
    return `${a.path}[${String(ka)}] <-> ${b.path}[${String(kb)}]`
  },
}

function collect(v: Json): { path: string; node: Json[] | { [key: string]: Json } }[] {
  const out: { path: string; node: Json[] | { [key: string]: Json } }[] = []
  containers(v, '', out)
  return out
}

/** JSON text of a value (an own `__proto__` key is written like any other). */
const jsonText = (v: Json): string => JSON.stringify(v, null, 2)

/**
 * Makes `count` mutants of valid session files, deterministically from `seed`: byte-level damage
 * (to the file, or to the msgpack inside the gzip) and structural changes of the decoded value
 * (keys removed or added, types changed, versions bumped, duplicates, deep nesting).
 */
export function* mutants(
  bases: readonly { bytes: Uint8Array; encoding: 'json' | 'msgpack' }[],
  count: number,
  seed: number,
): Generator<Mutant> {
  const d = new Dice(seed)
  for (let i = 0; i < count; i++) {
    const base = d.pick(bases)
    const layer = d.int(3)
    if (layer === 0) {
      const name = d.pick(Object.keys(BYTE_MUTATIONS))
      const mutate = BYTE_MUTATIONS[name]
      if (!mutate) continue
      yield { bytes: mutate(base.bytes, d), how: `file bytes: ${name}`, encoding: base.encoding }
      continue
    }
    const decoded: Json =
      base.encoding === 'json'
        ? (JSON.parse(new TextDecoder().decode(base.bytes)) as Json)
        : (unpackr.unpack(gunzipSync(base.bytes)) as Json)
    if (layer === 1 && base.encoding === 'msgpack') {
      const name = d.pick(Object.keys(BYTE_MUTATIONS))
      const mutate = BYTE_MUTATIONS[name]
      if (!mutate) continue
      const inner = mutate(gunzipSync(base.bytes), d)
      yield { bytes: gzipSync(inner), how: `msgpack inside gzip: ${name}`, encoding: 'msgpack' }
      continue
    }
    const name = d.pick(Object.keys(STRUCTURE_MUTATIONS))
    const mutate = STRUCTURE_MUTATIONS[name]
    if (!mutate) continue
    const where = mutate(decoded, d)
    const bytes =
      base.encoding === 'json'
        ? new TextEncoder().encode(jsonText(decoded))
        : gzipSync(packr.pack(decoded))
    yield { bytes, how: `${name}: ${where}`, encoding: base.encoding }
  }
}
