import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { Packr } from 'msgpackr'
import { MAX_DECOMPRESSED_BYTES, MAX_FILE_BYTES } from '../../../shared/session/limits'

/** A file every reader must refuse, and what the refusal must say. */
export interface BrokenFile {
  name: string
  bytes: () => Uint8Array
  message: RegExp
}

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/session/${name}`, import.meta.url)))
const good = (): Record<string, unknown> =>
  JSON.parse(new TextDecoder().decode(fixture('format-v1.keepsake.json'))) as Record<
    string,
    unknown
  >
const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value))
const packr = new Packr({ useRecords: false })
const packed = (value: unknown): Uint8Array => new Uint8Array(gzipSync(packr.pack(value)))

/** Gzip that inflates to more than MAX_DECOMPRESSED_BYTES: one small member of zeros, repeated. */
export function zipBomb(): Uint8Array {
  const member = gzipSync(Buffer.alloc(1024 * 1024))
  const members = Math.ceil(MAX_DECOMPRESSED_BYTES / (1024 * 1024)) + 8
  return new Uint8Array(Buffer.concat(Array.from({ length: members }, () => member)))
}

/** The broken-files corpus: generated here, so nothing large is committed. */
export function brokenFiles(): BrokenFile[] {
  return [
    {
      name: 'truncated.keepsake.json',
      bytes: () => fixture('format-v1.keepsake.json').subarray(0, 5000),
      message: /the JSON ends too early; the file looks truncated/,
    },
    {
      name: 'truncated.keepsake',
      bytes: () => fixture('format-v1.keepsake').subarray(0, 1200),
      message: /the compressed data is damaged or truncated/,
    },
    {
      name: 'wrongly-typed.keepsake.json',
      bytes: () => {
        const v = good()
        const conversations = v.conversations as { messages: Record<string, unknown>[] }[]
        const m = conversations[0]?.messages[1]
        if (m) m.createdAt = 1709373600
        v.memory = [...(v.memory as unknown[]), { schemaVersion: 2, id: 'x', kind: 'opinion' }]
        return json(v)
      },
      message:
        /memory\[8\]\.kind: [^\n]+\n(.|\n)*conversations\[0\]\.messages\[1\]\.createdAt: expected an ISO date/,
    },
    {
      name: 'enormous.keepsake.json',
      bytes: () => new Uint8Array(MAX_FILE_BYTES + 1),
      message: /larger than the limit of 128 MiB/,
    },
    {
      name: 'deeply-nested.keepsake.json',
      bytes: () => new TextEncoder().encode(`{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
      message: /nesting is deeper than the limit of 64 levels/,
    },
    {
      name: 'deeply-nested.keepsake',
      bytes: () =>
        new Uint8Array(gzipSync(Buffer.concat([Buffer.alloc(100_000, 0x91), Buffer.from([0xc0])]))),
      message: /nesting is deeper than the limit of 64 levels/,
    },
    {
      name: 'proto-laden.keepsake.json',
      bytes: () => {
        const text = new TextDecoder().decode(json(good()))
        return new TextEncoder().encode(
          text.replace('"memory":[{', '"memory":[{"__proto__":{"polluted":true},'),
        )
      },
      message: /memory\[0\]\.__proto__: the key "__proto__" is not allowed/,
    },
    {
      name: 'constructor-laden.keepsake.json',
      bytes: () =>
        new TextEncoder().encode(
          '{"format":"keepsake-session","constructor":{"prototype":{"polluted":true}}}',
        ),
      message: /constructor: the key "constructor" is not allowed/,
    },
    {
      name: 'proto-laden.keepsake',
      bytes: () =>
        packed(
          new Map<string, unknown>([
            ['format', 'keepsake-session'],
            ['__proto__', { polluted: true }],
          ]),
        ),
      message: /__proto__: the key "__proto__" is not allowed/,
    },
    {
      name: 'wrong-magic.keepsake',
      bytes: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      message: /not a Keepsake session file: it starts with bytes 89 50 4e 47/,
    },
    {
      name: 'zip-bomb.keepsake',
      bytes: zipBomb,
      message:
        /decompressed, the file would be larger than the limit of 256 MiB; reading stopped at/,
    },
    {
      name: 'not-a-session.keepsake.json',
      bytes: () => json({ hello: 'world' }),
      message: /format: this is not a Keepsake session file/,
    },
    {
      name: 'from-the-future.keepsake.json',
      bytes: () => json({ ...good(), formatVersion: 7 }),
      message: /written by a newer Keepsake \(format v7\)/,
    },
  ]
}
