import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import * as Y from 'yjs'
import { test } from './fixtures'
import { newConversation, tell } from './pages/app-requests'
import { FilesDialog } from './pages/files-dialog'
import { KeepsakePage } from './pages/keepsake-page'

type Json = Record<string, unknown>
interface ExportedFile {
  memory: Json[]
  conversations: { id: string; messages: Json[]; yjs: string[] }[]
  yjs: { space: string[] }
}

const bytesOf = (chunks: string[]): Uint8Array =>
  new Uint8Array(Buffer.concat(chunks.map((c) => Buffer.from(c, 'base64'))))
const chunksOf = (bytes: Uint8Array): string[] => [Buffer.from(bytes).toString('base64')]

/**
 * What an attacker makes from a file the victim once shared: Yjs state that deletes the pgvector
 * preference and the first two messages, overwrites the timezone with a write from client id
 * 0xffffffff (which wins any map entry), and adds one new message, with readable records to match,
 * so the file validates.
 */
function craftAttack(shared: ExportedFile): ExportedFile {
  const space = new Y.Doc()
  space.clientID = 0xffffffff
  Y.applyUpdate(space, bytesOf(shared.yjs.space))
  const memory = space.getMap<Json>('memory')
  for (const [id, item] of memory.entries()) {
    const text = String(item.text)
    if (text.includes('pgvector')) memory.delete(id)
    if (text.includes('America/New_York')) {
      memory.set(id, {
        ...item,
        text: 'My timezone is Asia/Pyongyang (ATTACKER)',
        value: 'Asia/Pyongyang (ATTACKER)',
      })
    }
  }
  const conversations = shared.conversations.map((c) => {
    const doc = new Y.Doc()
    doc.clientID = 0xffffffff
    Y.applyUpdate(doc, bytesOf(c.yjs))
    const messages = doc.getArray<Json>('messages')
    if (messages.length === 4) {
      const last = messages.get(3)
      messages.delete(0, 2)
      messages.push([{ ...last, id: 'attacker-message', text: 'Nothing to see here' }])
    }
    return { ...c, messages: messages.toArray(), yjs: chunksOf(Y.encodeStateAsUpdate(doc)) }
  })
  return {
    ...shared,
    memory: [...memory.values()],
    conversations,
    yjs: { space: chunksOf(Y.encodeStateAsUpdate(space)) },
  }
}

test('merging a crafted file cannot delete or overwrite anything: it is refused and the export is unchanged', async ({
  device,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'keepsake-attack-'))
  const app = new KeepsakePage(device.browser.page)
  await app.open(device.host.url)
  const chat = await newConversation(app.page)
  await tell(app.page, chat, 'Remember that I prefer pgvector over Pinecone')
  await tell(app.page, chat, 'My timezone is America/New_York')
  await expect(app.memoryItems).toHaveCount(2)

  const files = new FilesDialog(app.page)
  const sharedPath = await files.exportSpaceTo(dir, 'json')
  const shared = JSON.parse(readFileSync(sharedPath, 'utf8')) as ExportedFile
  expect(shared.conversations[0]?.messages).toHaveLength(4)

  const attackPath = join(dir, 'innocent.keepsake.json')
  writeFileSync(attackPath, JSON.stringify(craftAttack(shared)))
  await files.importFrom(attackPath, files.merge)
  await expect(files.alert).toContainText('A merge only adds')
  await expect(files.alert).toContainText('"I prefer pgvector over Pinecone"')
  await expect(files.alert).toContainText('2 message(s)')
  await expect(files.status).toHaveCount(0)
  await files.close.click()

  // The app's own export is the truth: everything that was here still is, word for word.
  const after = JSON.parse(
    readFileSync(await files.exportSpaceTo(dir, 'json'), 'utf8'),
  ) as ExportedFile
  expect(after.memory.map((m) => m.text).sort()).toEqual(shared.memory.map((m) => m.text).sort())
  expect(after.conversations[0]?.messages.map((m) => m.text)).toEqual(
    shared.conversations[0]?.messages.map((m) => m.text),
  )
  expect(JSON.stringify(after)).not.toContain('ATTACKER')
  await expect(app.memoryItems.filter({ hasText: 'pgvector' })).toHaveCount(1)
  await expect(app.memoryItems.filter({ hasText: 'ATTACKER' })).toHaveCount(0)
})
