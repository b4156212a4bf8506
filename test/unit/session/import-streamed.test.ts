import 'fake-indexeddb/auto'
import { expect, test } from 'vitest'
import { importSession } from '../../../renderer/runtime/files/import-session'
import { readImportFile, type ImportFile } from '../../../renderer/runtime/files/read-import'
import { chatGptToSession } from '../../../shared/session/import-chatgpt'
import { claudeToSession } from '../../../shared/session/import-claude'
import { importSource } from '../../../shared/session/import-source'
import { passed } from '../../../shared/session/problems'
import type { SourceFile } from '../../../shared/session/zip-files'
import { webGzip } from '../../../renderer/runtime/files/web-gzip'
import { chatGptConversations, chatGptShards } from '../../fixtures/imports/chatgpt-export'
import { claudeConversations } from '../../fixtures/imports/claude-export'
import { observe, profile } from './runtime-harness'

const NOW = new Date('2026-06-01T12:00:00.000Z')
const options = {
  spaceName: 'Imported',
  spaceId: 'space-1',
  now: NOW,
  appVersion: 'test',
  gzip: webGzip,
  stream: true,
}
const utf8 = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value))

/** The export's shards as the files of a folder, each read logged in `log`. */
function loggedShards(log: string[], shards: unknown[] = chatGptShards()): SourceFile[] {
  return shards.map((shard, i) => {
    const name = `conversations-00${i}.json`
    const bytes = utf8(shard)
    return {
      name,
      size: bytes.length,
      read: () => {
        log.push(`read ${name}`)
        return passed(bytes)
      },
    }
  })
}

async function readForApp(files: SourceFile[]): Promise<ImportFile> {
  const read = await importSource('export', files, true, options)
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'))
  const { data, report, migratedRecords, exactLogs, contents } = read.value
  return { data, report, migratedRecords, exactLogs, contents, kind: report.source }
}

test('a ChatGPT export is checked whole, then read again a conversation at a time as each batch is written', async () => {
  const log: string[] = []
  const file = await readForApp(loggedShards(log))
  // What is held after the check: every conversation's entry, no message.
  expect(file.report).toMatchObject({ conversations: 4, messages: 27 })
  expect(file.data.conversations.map((c) => c.messages.length)).toEqual([0, 0, 0, 0])
  const p = await profile()
  const target = p.target()
  const imported = await importSession(
    {
      ...target,
      report: (progress) => {
        if (progress.phase === 'Writing conversations') log.push(`stored ${progress.done}`)
      },
    },
    file,
    'new-space',
    'export',
  )
  if (!imported.ok) throw new Error(imported.error.message)
  expect(imported.value.messagesAdded).toBe(27)
  // Checked: both shards; written: each shard read again as its conversations are stored.
  expect(log.slice(0, 3)).toEqual([
    'read conversations-000.json',
    'read conversations-001.json',
    'read conversations-000.json',
  ])
  expect(log).toContain('read conversations-001.json')
  expect(log.at(-1)).toBe('stored 4')
})

test('ids a branched copy reuses are the same in the stored space as in the importer, whatever order the export lists', async () => {
  const expected = chatGptToSession(utf8(chatGptConversations()), options)
  if (!expected.ok) throw new Error('import failed')
  const ids = expected.value.data.conversations.flatMap((c) => c.messages.map((m) => m.id)).sort()
  for (const list of [chatGptConversations(), [...chatGptConversations()].reverse()]) {
    const p = await profile()
    const read = await readImportFile('conversations.json', utf8(list), NOW)
    if (!read.ok) throw new Error('read failed')
    expect(read.value.contents).not.toBeNull()
    const imported = await importSession(p.target(), read.value, 'new-space', 'conversations.json')
    if (!imported.ok) throw new Error(imported.error.message)
    const space = p.space()
    const stored: string[] = []
    for (const s of await space.summaries()) {
      const page = await space.page(s.id, 0, 1000)
      if (page.ok) stored.push(...page.value.map((m) => m.id))
    }
    expect(stored.sort()).toEqual(ids)
    expect(stored).toContain('c3c3c3c3-0000-4000-8000-00000000000c:gpt-u1')
  }
})

test('an export that reads differently the second time is refused, and no space is left behind', async () => {
  const log: string[] = []
  const files = loggedShards(log)
  const file = await readForApp(files)
  // The second shard changes on disk between the check and the write.
  const changed = utf8([...(chatGptShards()[1] as unknown[])].reverse())
  const second = files[1]
  if (second) second.read = () => passed(changed)
  const p = await profile()
  const before = await observe(p.space())
  const spaces = await p.registry.spaces.count()
  const imported = await importSession(p.target(), file, 'new-space', 'export')
  expect(imported.ok ? 'imported' : imported.error.message).toMatch(
    /^export was not imported; nothing was changed\.\nconversations-001\.json: the file read differently the second time/,
  )
  expect(await p.registry.spaces.count()).toBe(spaces)
  expect(await observe(p.space())).toBe(before)
  const names = (await indexedDB.databases()).map((d) => d.name)
  expect(names.filter((n) => n?.startsWith('keepsake-space-')).length).toBe(spaces)
})

test('a Claude.ai export is checked whole, then read again a conversation at a time as it is written', async () => {
  const bytes = utf8(claudeConversations())
  const whole = claudeToSession(bytes, null, options)
  if (!whole.ok) throw new Error('import failed')
  const read = await importSource(
    'conversations.json',
    [{ name: 'conversations.json', size: bytes.length, read: () => passed(bytes) }],
    false,
    options,
  )
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'))
  // What is held after the check: every conversation's entry, no message; the report counts all.
  expect(read.value.report).toEqual(whole.value.report)
  expect(read.value.data.conversations.map((c) => c.messages.length)).toEqual([0, 0])
  expect(read.value.contents).not.toBeNull()
  const p = await profile()
  const file: ImportFile = { ...read.value, kind: 'claude' }
  const imported = await importSession(p.target(), file, 'new-space', 'conversations.json')
  if (!imported.ok) throw new Error(imported.error.message)
  expect(imported.value.messagesAdded).toBe(8)
  const space = p.space()
  for (const c of whole.value.data.conversations) {
    const page = await space.page(c.id, 0, 1000)
    expect(page.ok && page.value.map((m) => [m.id, m.text])).toEqual(
      c.messages.map((m) => [m.id, m.text]),
    )
  }
})

test('a Claude.ai export whose bytes changed before they were read again gives a failure, not other conversations', () => {
  const bytes = utf8(claudeConversations())
  const read = claudeToSession(bytes, null, options, true)
  if (!read.ok || !read.value.contents) throw new Error('not read for streaming')
  // The same conversations listed the other way round: the same length, other bytes in place.
  bytes.set(utf8([...(claudeConversations() as unknown[])].reverse()))
  const again = [...read.value.contents()]
  expect(again.map((c) => c.ok)).toEqual([false])
  expect(again[0]?.ok === false && again[0].problems[0]?.message).toMatch(
    /read differently the second time/,
  )
})

test("a zip's large conversations.json is read as it unpacks, never whole, and imports as it does read whole", async () => {
  const { zipSync } = await import('fflate')
  const { sourceFiles } = await import('../../../shared/session/import-source')
  const { generateChatGptShards } = await import('../../fixtures/imports/generate-chatgpt')
  const conversations = generateChatGptShards(8_000).flat()
  const zip = zipSync({ 'conversations.json': utf8(conversations), 'user.json': utf8({ id: 'u' }) })
  const log: string[] = []
  const listed = sourceFiles('chatgpt-export.zip', zip, options)
  if (!listed.ok) throw new Error('not a zip')
  const files = listed.value.files.map((f) => ({
    ...f,
    read: () => (log.push(`read whole ${f.name}`), f.read()),
  }))
  expect(files.find((f) => f.name === 'conversations.json')?.size).toBeGreaterThan(4 * 1024 * 1024)
  // Read as it unpacks (the app's way), then with every file read whole, as before.
  const streamed = await readForApp(files)
  const written = [...(streamed.contents?.() ?? [])].map((c) => (c.ok ? c.value : c))
  expect(log).toEqual([])
  const whole = await importSource(
    'chatgpt-export.zip',
    listed.value.files.map(({ streamed: _, ...f }) => f),
    true,
    { ...options, stream: false },
  )
  if (!whole.ok) throw new Error('not imported whole')
  expect(streamed.report).toEqual(whole.value.report)
  expect(written).toEqual(whole.value.data.conversations)
})
