import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { nodeGzip } from '../../../electron/cli/node-gzip'
import { readSessionFile } from '../../../shared/session/session-file'
import { MAX_FILE_BYTES } from '../../../shared/session/limits'
import { brokenFiles } from '../session/broken-corpus'
import { comparable } from '../session/session-builders'
import { BIN, requireBuiltCli, runCli } from './run-cli'

const fixture = (name: string): string =>
  new URL(`../../fixtures/session/${name}`, import.meta.url).pathname
let dir = ''
const out = (name: string): string => join(dir, name)

beforeAll(() => {
  requireBuiltCli()
  dir = mkdtempSync(join(tmpdir(), 'keepsake-cli-'))
})

async function readBack(path: string) {
  const r = await readSessionFile(new Uint8Array(readFileSync(path)), nodeGzip)
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'))
  return r.value
}

describe('usage', () => {
  test('--help lists every command; each command has its own --help', async () => {
    const top = await runCli(['--help'])
    expect(top.code).toBe(0)
    const commands = [
      'validate',
      'inspect',
      'migrate',
      'convert',
      'search',
      'import',
      'import-transcript',
      'import-chatgpt',
    ]
    for (const c of commands) expect(top.stdout).toContain(c)
    for (const c of commands) {
      const help = await runCli([c, '--help'])
      expect([help.code, help.stdout.startsWith(`Usage: keepsake ${c}`)]).toEqual([0, true])
    }
  })

  test.each([
    [[], /Usage: keepsake <command>/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['validate'], /expected FILE, got nothing/],
    [['validate', 'a', 'b'], /expected FILE, got "a" "b"/],
    [['validate', 'x', '--colour'], /Unknown option '--colour'/],
    [['convert', 'x', '--to', 'xml', '--out', 'y'], /--to must be json or msgpack/],
    [['migrate', 'x'], /--out OUT is required/],
    [['search', 'x', 'q', '--k', 'many'], /--k must be a number/],
    [['search', 'x'], /give either a QUERY or --queries Q\.jsonl/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const r = await runCli(args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })

  test('bin.mjs says how to build when the CLI is not built', async () => {
    const root = mkdtempSync(join(tmpdir(), 'keepsake-unbuilt-'))
    mkdirSync(join(root, 'electron', 'cli'), { recursive: true })
    copyFileSync(BIN, join(root, 'electron', 'cli', 'bin.mjs'))
    const r = await runCli(['--help'], join(root, 'electron', 'cli', 'bin.mjs'))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('npm run build')
  })
})

describe('validate', () => {
  test.each(['format-v1.keepsake.json', 'format-v1.keepsake', 'format-v1-schema-v1.keepsake.json'])(
    '%s is ok',
    async (name) => {
      const r = await runCli(['validate', fixture(name)])
      expect([r.code, r.stdout]).toEqual([0, 'ok\n'])
    },
  )

  test('every broken file exits 1 with its message on stderr', async () => {
    for (const file of brokenFiles()) {
      const path = out(file.name)
      if (file.name.startsWith('enormous')) {
        // A sparse file: its size is checked before anything is read.
        writeFileSync(path, '')
        truncateSync(path, MAX_FILE_BYTES + 1)
      } else writeFileSync(path, file.bytes())
      const r = await runCli(['validate', path])
      expect(r.code, file.name).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr, file.name).toMatch(file.message)
      expect(r.stderr).not.toMatch(/\n\s+at /)
    }
  }, 120_000)

  test('a missing file is invalid input', async () => {
    const r = await runCli(['validate', out('nope.keepsake')])
    expect([r.code, r.stderr.trim()]).toEqual([1, `${out('nope.keepsake')}: no such file`])
  })
})

test('inspect shows versions, counts, date range and size', async () => {
  const r = await runCli(['inspect', fixture('format-v1.keepsake'), '--json'])
  expect(r.code).toBe(0)
  const d = JSON.parse(r.stdout) as Record<string, unknown>
  expect(d).toMatchObject({
    encoding: 'msgpack',
    formatVersion: 1,
    schemaVersion: 2,
    scope: 'space',
    memory: { total: 8, byStatus: { active: 5, superseded: 2, retracted: 1 } },
    conversations: { total: 2, trashed: 1 },
    messages: { total: 8, first: '2026-03-02T10:03:00.000Z' },
    quarantine: 1,
    yjs: { space: true, conversations: 2 },
  })
  const text = await runCli(['inspect', fixture('format-v1-schema-v1.keepsake.json')])
  expect(text.stdout).toContain(
    'format v1, schema v1 (this build: format v2, schema v2); 7 records migrated',
  )
})

test('migrate writes the current versions', async () => {
  const r = await runCli([
    'migrate',
    fixture('format-v1-schema-v1.keepsake.json'),
    '--out',
    out('migrated.keepsake.json'),
  ])
  expect(r.code).toBe(0)
  expect(r.stdout).toContain('7 records migrated')
  const back = await readBack(out('migrated.keepsake.json'))
  expect([back.schemaVersion, back.migratedRecords, back.data.memory[1]?.kind]).toEqual([
    2,
    0,
    'preference',
  ])
})

test('convert goes both ways without losing anything', async () => {
  expect(
    (
      await runCli([
        'convert',
        fixture('format-v1.keepsake.json'),
        '--to',
        'msgpack',
        '--out',
        out('c.keepsake'),
      ])
    ).code,
  ).toBe(0)
  expect(
    (await runCli(['convert', out('c.keepsake'), '--to', 'json', '--out', out('c.keepsake.json')]))
      .code,
  ).toBe(0)
  const original = await readBack(fixture('format-v1.keepsake.json'))
  expect(comparable((await readBack(out('c.keepsake'))).data)).toBe(comparable(original.data))
  expect(comparable((await readBack(out('c.keepsake.json'))).data)).toBe(comparable(original.data))
})

test('convert keeps an existing output unless --force', async () => {
  const target = out('taken.keepsake.json')
  writeFileSync(target, 'keep me')
  const refused = await runCli([
    'convert',
    fixture('format-v1.keepsake.json'),
    '--to',
    'json',
    '--out',
    target,
  ])
  expect(refused.code).toBe(1)
  expect(refused.stderr).toContain(`${target}: already exists; add --force to replace it`)
  expect(readFileSync(target, 'utf8')).toBe('keep me')
  const forced = await runCli([
    'convert',
    fixture('format-v1.keepsake.json'),
    '--to',
    'json',
    '--out',
    target,
    '--force',
  ])
  expect(forced.code).toBe(0)
  expect((await readBack(target)).data.memory.length).toBeGreaterThan(0)
})

describe('search', () => {
  test('ranked hits with ids, conversation, score and snippet', async () => {
    const r = await runCli([
      'search',
      fixture('format-v1.keepsake.json'),
      'pgvector Pinecone',
      '--k',
      '3',
      '--json',
    ])
    expect(r.code).toBe(0)
    const hits = JSON.parse(r.stdout) as {
      rank: number
      kind: string
      id: string
      conversationId: string | null
      score: number
      snippet: string
    }[]
    expect(hits).toHaveLength(3)
    expect(hits.map((h) => h.rank)).toEqual([1, 2, 3])
    expect(hits[0]?.score).toBeGreaterThanOrEqual(hits[1]?.score ?? Infinity)
    expect(hits[0]?.snippet).toMatch(/pgvector/i)
    const text = await runCli(['search', fixture('format-v1.keepsake.json'), 'benchmark'])
    expect(text.stdout).toMatch(/^1\. \d+\.\d{3} {2}(message|memory) /)
  })

  test('a transcript keeps its message ids through import-transcript and search --queries', async () => {
    const made = await runCli([
      'import-transcript',
      fixture('transcript.jsonl'),
      '--out',
      out('t.keepsake'),
      '--space',
      'LoCoMo',
    ])
    expect(made.code).toBe(0)
    expect(made.stdout).toContain('Read 2 conversations and 5 messages from a JSONL transcript')
    writeFileSync(
      out('q.jsonl'),
      `${JSON.stringify({ id: 'q1', query: 'counseling as a career' })}\n${JSON.stringify({ id: 'q2', query: 'lake sunrise painting' })}\n`,
    )
    const r = await runCli(['search', out('t.keepsake'), '--queries', out('q.jsonl'), '--k', '2'])
    expect(r.code).toBe(0)
    const lines = r.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            id: string
            hits: { messageId: string; conversationId: string; score: number }[]
          },
      )
    expect(lines.map((l) => l.id)).toEqual(['q1', 'q2'])
    expect(lines[0]?.hits[0]).toMatchObject({ messageId: 'D1:3', conversationId: 'session_1' })
    expect(lines[1]?.hits[0]?.messageId).toBe('D2:1')
    expect(Object.keys(lines[0]?.hits[0] ?? {})).toEqual(['messageId', 'conversationId', 'score'])
  })

  test('bad query lines are named and exit 1', async () => {
    writeFileSync(out('bad-q.jsonl'), '{"id": "q1"}\nnot json\n')
    const r = await runCli([
      'search',
      fixture('format-v1.keepsake'),
      '--queries',
      out('bad-q.jsonl'),
    ])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/line 1: query: /)
    expect(r.stderr).toMatch(/line 2: not valid JSON/)
  })
})

test('import-chatgpt makes a valid session; bad transcripts exit 1 naming line and field', async () => {
  expect(
    (
      await runCli([
        'import-chatgpt',
        fixture('chatgpt-conversations.json'),
        '--out',
        out('g.keepsake.json'),
      ])
    ).code,
  ).toBe(0)
  expect((await runCli(['validate', out('g.keepsake.json')])).stdout).toBe('ok\n')
  writeFileSync(
    out('bad.jsonl'),
    '{"conversation":"c","role":"user","text":"hi","timestamp":"2024-01-01T00:00:00Z"}\n{"conversation":"c","role":"bot","text":"hi","timestamp":"2024-01-01T00:00:00Z"}\n',
  )
  const r = await runCli(['import-transcript', out('bad.jsonl'), '--out', out('never.keepsake')])
  expect(r.code).toBe(1)
  expect(r.stderr).toContain('line 2: role: ')
})

describe('import', () => {
  const imports = (name: string): string =>
    new URL(`../../fixtures/imports/${name}`, import.meta.url).pathname

  test('a sharded ChatGPT zip, its folder and a Claude zip import with a report; search skips tool steps', async () => {
    const { chatGptShardedZip, claudeZip } = await import('../../fixtures/imports/export-zips')
    const { chatGptShards } = await import('../../fixtures/imports/chatgpt-export')
    writeFileSync(out('chatgpt.zip'), chatGptShardedZip())
    writeFileSync(out('claude.zip'), claudeZip())
    mkdirSync(out('unpacked'), { recursive: true })
    chatGptShards().forEach((shard, i) =>
      writeFileSync(out(`unpacked/conversations-00${i}.json`), JSON.stringify(shard)),
    )
    writeFileSync(out('unpacked/user.json'), '{}')

    const zip = await runCli(['import', out('chatgpt.zip'), '--out', out('gpt.keepsake')])
    expect([zip.code, zip.stderr]).toEqual([0, ''])
    expect(zip.stdout).toContain('space "ChatGPT"')
    expect(zip.stdout).toContain(
      'Read 4 conversations and 27 messages from a ChatGPT export (2 files)',
    )
    expect(zip.stdout).toContain('  12 tool calls and results kept as tool steps')
    const folder = await runCli(['import', out('unpacked'), '--out', out('folder.keepsake')])
    expect(folder.stdout.split('\n').slice(1)).toEqual(zip.stdout.split('\n').slice(1))
    expect((await readBack(out('folder.keepsake'))).data.conversations).toEqual(
      (await readBack(out('gpt.keepsake'))).data.conversations,
    )

    // The search results and python tool steps hold these words; only what was said is found.
    const hits = await runCli(['search', out('gpt.keepsake'), 'Casa do Largo quiet', '--json'])
    const ids = (JSON.parse(hits.stdout) as { id: string }[]).map((h) => h.id)
    expect(ids).toContain('gpt-a1')
    expect(ids).not.toContain('gpt-r1')

    const claude = await runCli([
      'import',
      out('claude.zip'),
      '--out',
      out('claude.keepsake.json'),
      '--json',
    ])
    expect(claude.code).toBe(0)
    const report = (JSON.parse(claude.stdout) as { report: { source: string; messages: number } })
      .report
    expect([report.source, report.messages]).toEqual(['claude', 8])
    expect((await runCli(['validate', out('claude.keepsake.json')])).stdout).toBe('ok\n')
  })

  test('a zip stored without compression imports; a damaged conversation file is named', async () => {
    const { zipSync, strToU8 } = await import('fflate')
    const { chatGptConversations } = await import('../../fixtures/imports/chatgpt-export')
    const json = strToU8(JSON.stringify(chatGptConversations()))
    writeFileSync(out('stored.zip'), zipSync({ 'conversations.json': [json, { level: 0 }] }))
    const stored = await runCli(['import', out('stored.zip'), '--out', out('stored.keepsake')])
    expect([stored.code, stored.stderr]).toEqual([0, ''])
    expect(stored.stdout).toContain('Read 4 conversations and 27 messages')
    const zip = zipSync({ 'conversations.json': json })
    // The deflated data starts after the 30-byte local header and the name; 0xff there is a
    // block of the reserved type.
    zip.fill(0xff, 30 + 'conversations.json'.length, 40 + 'conversations.json'.length)
    writeFileSync(out('damaged.zip'), zip)
    const damaged = await runCli(['import', out('damaged.zip'), '--out', out('never.keepsake')])
    expect(damaged.code).toBe(1)
    expect(damaged.stderr).toContain(
      `${out('damaged.zip')}: conversations.json: cannot be unpacked (`,
    )
  })

  test('what is not an export is refused naming the accepted formats; help names the real default space', async () => {
    writeFileSync(out('notes.txt'), 'hello')
    const r = await runCli(['import', out('notes.txt'), '--out', out('never.keepsake')])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('this is not a file Keepsake recognises')
    expect(r.stderr).toContain('a Claude.ai export (conversations.json or its .zip)')
    const help = await runCli(['import-chatgpt', '--help'])
    expect(help.stdout).toContain('default: "ChatGPT" or "Claude" for those exports')
    expect(imports('x')).toMatch(/imports\/x$/)
  })

  test('search measures "last week" from the newest message, unless --now says otherwise', async () => {
    const lines = [
      {
        conversation: 'trip',
        role: 'user',
        text: 'We booked the ferry to the islands',
        timestamp: '2021-05-03T10:00:00Z',
      },
      {
        conversation: 'trip',
        role: 'user',
        text: 'The ferry was cancelled by the storm',
        timestamp: '2021-05-12T10:00:00Z',
      },
      {
        conversation: 'trip',
        role: 'user',
        text: 'Back home now',
        timestamp: '2021-05-20T10:00:00Z',
      },
    ]
    writeFileSync(out('archive.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'))
    expect(
      (await runCli(['import', out('archive.jsonl'), '--out', out('archive.keepsake')])).code,
    ).toBe(0)
    const top = async (...extra: string[]) => {
      const r = await runCli([
        'search',
        out('archive.keepsake'),
        'ferry last week',
        '--json',
        ...extra,
      ])
      return (JSON.parse(r.stdout) as { snippet: string }[])[0]?.snippet ?? ''
    }
    expect(await top()).toContain('cancelled')
    expect(await top('--now', '2021-05-10T00:00:00Z')).toContain('booked')
  })
})
