import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OpenDialogReturnValue, SaveDialogReturnValue } from 'electron'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFileDialogs, type DialogHost } from '../../../electron/main/file-dialogs'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keepsake-dialogs-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const host = (save: SaveDialogReturnValue, open: OpenDialogReturnValue) => {
  const owners: number[] = []
  const suggested: (string | undefined)[] = []
  const dialogHost: DialogHost = {
    showSaveDialog: async (ownerId, options) => {
      owners.push(ownerId)
      suggested.push(options.defaultPath)
      return save
    },
    showOpenDialog: async (ownerId) => {
      owners.push(ownerId)
      return open
    },
  }
  return { dialogs: createFileDialogs(dialogHost), owners, suggested }
}

const noOpen: OpenDialogReturnValue = { canceled: true, filePaths: [] }

describe('createFileDialogs', () => {
  it('writes the export where the person chose, leaving no temporary file', async () => {
    const target = join(dir, 'my space.keepsake')
    const t = host({ canceled: false, filePath: target }, noOpen)
    const result = await t.dialogs.save(4, 'space.keepsake', new TextEncoder().encode('hello'))
    expect(result).toEqual({ ok: true, value: { name: 'my space.keepsake' } })
    expect(await readFile(target, 'utf8')).toBe('hello')
    expect(await readdir(dir)).toEqual(['my space.keepsake'])
    expect(t.owners).toEqual([4])
    expect(t.suggested).toEqual(['space.keepsake'])
  })

  it('reports a cancelled save', async () => {
    const t = host({ canceled: true, filePath: '' }, noOpen)
    const result = await t.dialogs.save(4, 'a.json', new Uint8Array(1))
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } })
  })

  it('reports a save that cannot be written as a storage error', async () => {
    const t = host({ canceled: false, filePath: join(dir, 'missing-dir', 'a.json') }, noOpen)
    const result = await t.dialogs.save(4, 'a.json', new Uint8Array(1))
    expect(result).toMatchObject({ ok: false, error: { code: 'storage' } })
  })

  it('reads the file the person picked to import', async () => {
    const file = join(dir, 'conversations.json')
    await writeFile(file, '[]')
    const t = host({ canceled: true, filePath: '' }, { canceled: false, filePaths: [file] })
    const result = await t.dialogs.open(4)
    expect(result.ok && result.value.name).toBe('conversations.json')
    expect(result.ok && new TextDecoder().decode(result.value.bytes)).toBe('[]')
  })

  it('reports a cancelled import and an unreadable file', async () => {
    const cancelled = await host({ canceled: true, filePath: '' }, noOpen).dialogs.open(4)
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    const gone = await host(
      { canceled: true, filePath: '' },
      { canceled: false, filePaths: [join(dir, 'gone.json')] },
    ).dialogs.open(4)
    expect(gone).toMatchObject({ ok: false, error: { code: 'storage' } })
  })
})
