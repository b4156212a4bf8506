import { describe, expect, it } from 'vitest'
import { createDeviceKey, type DeviceKey } from '../../../renderer/runtime/sync/device-key'
import {
  openHandover,
  sealHandover,
  type HandoverPlace,
} from '../../../renderer/runtime/sync/handover'
import { fromBase64Url, toBase64Url } from '../../../renderer/runtime/sync/base64url'

const SPACE = 'space-1'
const OLD_ROOM = `room:${'a'.repeat(64)}`
const NEW_SECRET = 'N'.repeat(43)

const aesKey = (): Promise<CryptoKey> =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])

const deviceKey = async (): Promise<DeviceKey> => {
  const made = await createDeviceKey()
  if (!made.ok) throw new Error(made.error.message)
  return made.value
}

const self = (deviceId: string, key: DeviceKey) => ({
  deviceId,
  privateKey: key.privateKey,
  publicKey: key.publicKey,
})

const sealed = async (
  place: HandoverPlace,
  to: { deviceId: string; publicKey: string }[],
  removed: string[] = ['device-lost'],
): Promise<string> => {
  const made = await sealHandover(place, {
    from: { deviceId: 'device-a', name: 'laptop A' },
    secret: NEW_SECRET,
    to,
    removed,
    now: new Date('2026-12-05T07:00:00.000Z'),
  })
  if (!made.ok) throw new Error(made.error.message)
  return made.value
}

describe('handing the new sync secret to the devices that stay', () => {
  it('gives each staying device the new secret, tells the removed one who removed it, and carries no secret in clear', async () => {
    const place = { itemKey: await aesKey(), spaceId: SPACE, documentName: OLD_ROOM }
    const [b, c, lost] = [await deviceKey(), await deviceKey(), await deviceKey()]
    const text = await sealed(place, [
      { deviceId: 'device-b', publicKey: b.publicKey },
      { deviceId: 'device-c', publicKey: c.publicKey },
    ])
    const decoded = fromBase64Url(text)
    expect(decoded.ok && Buffer.from(decoded.value).includes(NEW_SECRET)).toBe(false)

    const moved = {
      kind: 'moved',
      secret: NEW_SECRET,
      by: 'laptop A',
      at: '2026-12-05T07:00:00.000Z',
    }
    expect(await openHandover(place, self('device-b', b), text)).toEqual({ ok: true, value: moved })
    expect(await openHandover(place, self('device-c', c), text)).toEqual({ ok: true, value: moved })
    expect(await openHandover(place, self('device-lost', lost), text)).toEqual({
      ok: true,
      value: { kind: 'removed', by: 'laptop A', at: '2026-12-05T07:00:00.000Z' },
    })
    // A device that stays but announced no key is told it needs the code, not that it was removed.
    expect(await openHandover(place, self('device-old', await deviceKey()), text)).toEqual({
      ok: true,
      value: { kind: 'left-out', by: 'laptop A', at: '2026-12-05T07:00:00.000Z' },
    })
  })

  it('refuses a handover forged without the old space key, and one altered on the way', async () => {
    const place = { itemKey: await aesKey(), spaceId: SPACE, documentName: OLD_ROOM }
    const b = await deviceKey()
    const forged = await sealed({ ...place, itemKey: await aesKey() }, [
      { deviceId: 'device-b', publicKey: b.publicKey },
    ])
    const opened = await openHandover(place, self('device-b', b), forged)
    expect(opened.ok).toBe(false)
    expect(!opened.ok && opened.error.message).toMatch(/not written with this room’s sync secret/)

    const genuine = await sealed(place, [{ deviceId: 'device-b', publicKey: b.publicKey }])
    const bytes = fromBase64Url(genuine)
    if (!bytes.ok) throw new Error('bad text')
    bytes.value.set([(bytes.value.at(-20) ?? 0) ^ 1], bytes.value.length - 20)
    expect((await openHandover(place, self('device-b', b), toBase64Url(bytes.value))).ok).toBe(
      false,
    )
    expect((await openHandover(place, self('device-b', b), 'not*base64')).ok).toBe(false)
  })

  it('refuses a handover replayed from an earlier change (another room) or another space', async () => {
    const itemKey = await aesKey()
    const b = await deviceKey()
    // The same secret (so the same item key) but the room it left is not the one B is in now.
    const earlier = await sealed(
      { itemKey, spaceId: SPACE, documentName: `room:${'e'.repeat(64)}` },
      [{ deviceId: 'device-b', publicKey: b.publicKey }],
    )
    const now = { itemKey, spaceId: SPACE, documentName: OLD_ROOM }
    const replayed = await openHandover(now, self('device-b', b), earlier)
    expect(replayed.ok).toBe(false)
    const otherSpace = await sealed({ ...now, spaceId: 'space-2' }, [
      { deviceId: 'device-b', publicKey: b.publicKey },
    ])
    expect((await openHandover(now, self('device-b', b), otherSpace)).ok).toBe(false)
  })

  it('accepts only a copy for this device: one named for it but sealed to another key is refused', async () => {
    const place = { itemKey: await aesKey(), spaceId: SPACE, documentName: OLD_ROOM }
    const [b, c, thief] = [await deviceKey(), await deviceKey(), await deviceKey()]
    // A holder of the old secret names B but seals to a key of its own (to read it later).
    const misdirected = await sealed(place, [{ deviceId: 'device-b', publicKey: thief.publicKey }])
    const opened = await openHandover(place, self('device-b', b), misdirected)
    expect(opened.ok).toBe(false)
    expect(!opened.ok && opened.error.message).toMatch(/not sealed to its key/)
    // B's copy does not open as C's: C finds none named for it, so it gets no secret.
    const forB = await sealed(place, [{ deviceId: 'device-b', publicKey: b.publicKey }], [])
    const asC = await openHandover(place, self('device-c', c), forB)
    expect(asC.ok && asC.value.kind).toBe('left-out')
  })

  it('refuses to seal for a key that is not an X25519 public key, naming the device', async () => {
    const place = { itemKey: await aesKey(), spaceId: SPACE, documentName: OLD_ROOM }
    const made = await sealHandover(place, {
      from: { deviceId: 'device-a', name: 'laptop A' },
      secret: NEW_SECRET,
      to: [{ deviceId: 'device-b', publicKey: 'x'.repeat(10) }],
      removed: [],
    })
    expect(made).toMatchObject({ ok: false, error: { path: 'devices.device-b.publicKey' } })
  })
})
