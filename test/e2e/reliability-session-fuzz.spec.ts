import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { nodeGzip } from '../../electron/cli/node-gzip'
import { webGzip } from '../../renderer/runtime/files/web-gzip'
import { readSessionFile } from '../../shared/session/session-file'
import { memoryTexts, messageTotal, request, requestOk } from '../reliability/app-requests'
import { mutants, type Mutant } from '../reliability/mutate-session'
import { scale } from '../reliability/scale'
import { test, expect } from './fixtures'

const MUTANTS = scale(1_000, 10_000)
const FIXTURES = resolve(import.meta.dirname, '../fixtures/session')
const BASES = [
  { file: 'format-v1.keepsake.json', encoding: 'json' as const },
  { file: 'format-v1.keepsake', encoding: 'msgpack' as const },
  { file: 'format-v1-schema-v1.keepsake.json', encoding: 'json' as const },
].map((b) => ({
  encoding: b.encoding,
  bytes: new Uint8Array(readFileSync(join(FIXTURES, b.file))),
}))

const nameFor = (m: Mutant): string =>
  m.encoding === 'json' ? 'fuzzed.keepsake.json' : 'fuzzed.keepsake'

test.describe.configure({ timeout: scale(180_000, 900_000) })

test(`${MUTANTS} mutations of valid session files: none crashes, each is refused with a message or reads as valid`, async () => {
  const crashes: string[] = []
  const silent: string[] = []
  const disagree: string[] = []
  const changedInput: string[] = []
  const tally = new Map<string, { refused: number; accepted: number }>()
  for (const m of mutants(BASES, MUTANTS, 20_260_601)) {
    const before = m.bytes.slice()
    const kind = m.how.split(':')[0] ?? m.how
    const count = tally.get(kind) ?? { refused: 0, accepted: 0 }
    tally.set(kind, count)
    let accepted: boolean | null = null
    try {
      // The reader `files.import` runs before touching anything, with the runtime's gzip
      // (CompressionStream, as in the worker)...
      const app = await readSessionFile(m.bytes, webGzip)
      // ...and the CLI's, with Node's zlib.
      const cli = await readSessionFile(m.bytes, nodeGzip)
      accepted = app.ok
      if (!app.ok) {
        const unexplained =
          app.problems.length === 0 ||
          app.problems.some((p) => p.message.trim() === '' || p.path === '')
        if (unexplained) silent.push(`${m.how}: ${JSON.stringify(app.problems).slice(0, 200)}`)
      }
      if (app.ok !== cli.ok) disagree.push(`${m.how}: app ${app.ok}, cli ${cli.ok}`)
    } catch (e) {
      crashes.push(`${m.how}: ${e instanceof Error ? e.message : String(e)}`)
    }
    if (before.length !== m.bytes.length || before.some((b, i) => b !== m.bytes[i]))
      changedInput.push(m.how)
    if (accepted === true) count.accepted++
    else if (accepted === false) count.refused++
  }
  const lines = [...tally].map(
    ([k, v]) => `  ${k}: ${v.refused} refused with a message, ${v.accepted} still valid`,
  )
  console.log(`${MUTANTS} mutants, ${crashes.length} crashes:\n${lines.join('\n')}`)
  expect(crashes).toEqual([])
  expect(silent).toEqual([])
  expect(disagree).toEqual([])
  expect(changedInput).toEqual([])
})

/** What a person could see of the space: memory, conversations with their messages, spaces, unreadable records. */
async function fingerprint(page: Page): Promise<string> {
  const conversations = await requestOk<{ id: string; title: string; messageCount: number }[]>(
    page,
    'conversations.list',
    {},
  )
  const spaces = await requestOk<{ spaces: { id: string }[]; activeId: string | null }>(
    page,
    'spaces.list',
    {},
  )
  const memory = await requestOk<{ quarantineCount: number }>(page, 'memory.list', {})
  return JSON.stringify({
    memory: (await memoryTexts(page)).sort(),
    conversations: conversations.map((c) => [c.id, c.title, c.messageCount]).sort(),
    spaces: spaces.spaces.map((s) => s.id).sort(),
    active: spaces.activeId,
    quarantined: memory.quarantineCount,
  })
}

test('mutated files through the real app are refused with a message and change nothing', async ({
  device,
}) => {
  let page = device.browser.page
  await page.goto(device.host.url)
  await requestOk(page, 'memory.remember', { text: 'I prefer pgvector over Pinecone' })
  const conversation = await requestOk<{ id: string }>(page, 'conversations.create', {
    title: 'Before the imports',
  })
  await requestOk(page, 'chat.send', {
    conversationId: conversation.id,
    text: 'My timezone is America/New_York',
  })
  await expect.poll(() => messageTotal(page, conversation.id)).toBe(2)
  const before = await fingerprint(page)

  // One refused mutant of each kind and encoding, imported in every mode.
  const picked = new Map<string, Mutant>()
  for (const m of mutants(BASES, 2_000, 7)) {
    const key = `${m.encoding} ${m.how.split(':')[0]}`
    if (picked.has(key)) continue
    // A leading "[" would be read as a ChatGPT export; those have their own tests.
    const read = await readSessionFile(m.bytes, webGzip)
    if (!read.ok && m.bytes[0] !== 0x5b) picked.set(key, m)
  }
  const modes = ['merge', 'new-space', 'replace'] as const
  let i = 0
  for (const [key, m] of picked) {
    const mode = modes[i++ % modes.length] ?? 'merge'
    const answer = await page.evaluate(
      async ([name, bytes, mo]) => {
        type Client = {
          request(
            name: string,
            input: unknown,
          ): Promise<{ ok: boolean; error?: { message: string } }>
        }
        const client = (window as unknown as { keepsakeClient: Client }).keepsakeClient
        return client.request('files.import', {
          fileName: name,
          bytes: new Uint8Array(bytes),
          mode: mo,
        })
      },
      [nameFor(m), Array.from(m.bytes), mode] as const,
    )
    expect(answer.ok, `${key} (${m.how}) imported as ${mode}`).toBe(false)
    expect(
      answer.error?.message.trim().length ?? 0,
      `${key}: a message for the person`,
    ).toBeGreaterThan(10)
    expect(await fingerprint(page), `${key}: nothing changed`).toBe(before)
  }
  console.log(
    `${picked.size} refused mutants imported through the app: each said why, nothing changed`,
  )

  // One through the Files dialog, as a person would: the dialog says what is wrong.
  const [first] = picked.values()
  if (first) {
    const path = join(test.info().outputDir, nameFor(first))
    const { writeFileSync, mkdirSync } = await import('node:fs')
    mkdirSync(test.info().outputDir, { recursive: true })
    writeFileSync(path, first.bytes)
    await page.getByRole('button', { name: 'Export & import' }).click()
    const dialog = page.getByRole('dialog', { name: 'Files' })
    await dialog.getByLabel('Import file').setInputFiles(path)
    await dialog.getByRole('radio', { name: 'Merge into this space' }).check()
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    await expect(dialog.getByRole('alert')).not.toBeEmpty()
    await dialog.getByRole('button', { name: 'Close' }).click()
  }

  await device.crashAndRestart()
  page = device.browser.page
  await page.goto(device.host.url)
  expect((await request(page, 'app.status', {})).ok).toBe(true)
  expect(await fingerprint(page)).toBe(before)
})
