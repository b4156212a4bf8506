import { describe, expect, it } from 'vitest'
import { err, ok } from '../../../../shared/errors'
import {
  createUiInvokeHandlers,
  type FileDialogs,
} from '../../../../electron/main/ipc/ui-invoke-handlers'

const setup = () => {
  const opened: string[] = []
  const saves: { ownerId: number; name: string; size: number }[] = []
  const dialogs: FileDialogs = {
    save: async (ownerId, name, bytes) => {
      saves.push({ ownerId, name, size: bytes.byteLength })
      return ok({ name })
    },
    open: async () => ok({ name: 'space.keepsake', bytes: new Uint8Array([1, 2]) }),
  }
  const handlers = createUiInvokeHandlers({
    dialogs,
    openExternal: async (url) => {
      opened.push(url)
    },
  })
  return { handlers, opened, saves }
}

describe('the UI invoke handlers', () => {
  it('opens http(s) links in the browser and refuses other schemes', async () => {
    const t = setup()
    await expect(t.handlers['shell:open-external'](1, ['https://ollama.com/'])).resolves.toEqual(
      ok(undefined),
    )
    const refused = await t.handlers['shell:open-external'](1, ['file:///etc/passwd'])
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(t.opened).toEqual(['https://ollama.com/'])
  })

  it('checks argument types before doing anything', async () => {
    const t = setup()
    const notString = await t.handlers['shell:open-external'](1, [{ href: 'https://x' }])
    expect(notString).toMatchObject({ ok: false, error: { code: 'validation', path: 'args[0]' } })
    const extra = await t.handlers['dialog:open'](1, ['surprise'])
    expect(extra).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(t.opened).toEqual([])
  })

  it('saves bytes under a bare file name, for the window that asked', async () => {
    const t = setup()
    const bytes = new Uint8Array([1, 2, 3])
    await expect(t.handlers['dialog:save'](7, ['space.keepsake', bytes])).resolves.toEqual(
      ok({ name: 'space.keepsake' }),
    )
    expect(t.saves).toEqual([{ ownerId: 7, name: 'space.keepsake', size: 3 }])
  })

  it.each([['../../.bashrc'], ['/etc/passwd'], ['a\\b'], [''], ['..']])(
    'refuses a suggested name that is a path: %s',
    async (name) => {
      const t = setup()
      const result = await t.handlers['dialog:save'](7, [name, new Uint8Array(1)])
      expect(result).toMatchObject({ ok: false, error: { code: 'validation', path: 'args[0]' } })
      expect(t.saves).toEqual([])
    },
  )

  it('refuses bytes that are not a Uint8Array', async () => {
    const t = setup()
    const result = await t.handlers['dialog:save'](7, ['a.json', [1, 2, 3]])
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', path: 'args[1]' } })
  })

  it('passes the open dialog’s answer through', async () => {
    const t = setup()
    const result = await t.handlers['dialog:open'](7, [])
    expect(result).toEqual(ok({ name: 'space.keepsake', bytes: new Uint8Array([1, 2]) }))
  })

  it('reports a browser that failed to open as an error value', async () => {
    const handlers = createUiInvokeHandlers({
      dialogs: { save: async () => err('cancelled', 'x'), open: async () => err('cancelled', 'x') },
      openExternal: async () => {
        throw new Error('no browser')
      },
    })
    const result = await handlers['shell:open-external'](1, ['https://example.com'])
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})
