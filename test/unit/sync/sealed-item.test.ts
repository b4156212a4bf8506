import { expect, it } from 'vitest'
import { decodeSealed, encodeSealed, sealedHalf } from '../../../renderer/runtime/sync/sealed-item'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

it('carries a state and its pages, compressed, and gives back either half alone or both', async () => {
  const state = bytes('state '.repeat(5000))
  const pages = bytes('{"v":1,"messages":[]}'.repeat(3000))
  const plaintext = await encodeSealed({ state, pages })
  expect(plaintext.byteLength).toBeLessThan((state.byteLength + pages.byteLength) / 10)
  expect(await decodeSealed(plaintext, 'items.x')).toEqual({ ok: true, value: { state, pages } })
  expect(await sealedHalf(plaintext, 'items.x', 'state')).toEqual({ ok: true, value: state })
  expect(await sealedHalf(plaintext, 'items.x', 'pages')).toEqual({ ok: true, value: pages })
})

it('refuses what is not a sealed item of this format, naming the item', async () => {
  const good = await encodeSealed({ state: bytes('s'), pages: bytes('p') })
  const future = good.slice()
  future[0] = 2
  expect(await decodeSealed(future, 'items.x')).toMatchObject({
    ok: false,
    error: { code: 'unsupported-version', path: 'items.x' },
  })
  expect(await decodeSealed(new Uint8Array([1, 0, 0]), 'items.x')).toMatchObject({
    ok: false,
    error: { code: 'validation', path: 'items.x' },
  })
  const long = good.slice()
  new DataView(long.buffer).setUint32(1, 1_000_000)
  expect(await decodeSealed(long, 'items.x')).toMatchObject({
    ok: false,
    error: { path: 'items.x' },
  })
  const garbled = good.slice()
  garbled.fill(0xff, 5)
  expect(await decodeSealed(garbled, 'items.x')).toMatchObject({
    ok: false,
    error: { code: 'validation', path: 'items.x.state' },
  })
})
