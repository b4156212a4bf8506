import { describe, expect, it } from 'vitest'
import { toBase64Url } from '../../../renderer/runtime/sync/base64url'
import {
  PAIRING_PREFIX,
  createPairing,
  decodePairingCode,
  encodePairingCode,
} from '../../../renderer/runtime/sync/pairing-code'

const fresh = () => {
  const pairing = createPairing('ws://192.168.1.20:5171', 'b9d8a9c2-5a43-4c1e-9b1f-0e7c0d7f4a11')
  if (!pairing.ok) throw new Error(pairing.error.message)
  return pairing.value
}

const codeOf = (value: unknown): string =>
  PAIRING_PREFIX + toBase64Url(new TextEncoder().encode(JSON.stringify(value)))

const messageOf = (text: string): string => {
  const decoded = decodePairingCode(text)
  if (decoded.ok) throw new Error('expected an error')
  expect(decoded.error.code).toBe('validation')
  return decoded.error.message
}

describe('pairing codes', () => {
  it('creates a fresh 256-bit secret each time', () => {
    const a = fresh()
    const b = fresh()
    expect(a.secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(a.secret).not.toBe(b.secret)
  })

  it('round-trips through the copyable text, ignoring surrounding whitespace', () => {
    const pairing = fresh()
    const code = encodePairingCode(pairing)
    expect(code.startsWith('keepsake-sync:')).toBe(true)
    expect(code).toMatch(/^keepsake-sync:[A-Za-z0-9_-]+$/)
    expect(decodePairingCode(`  ${code}\n`)).toEqual({ ok: true, value: pairing })
  })

  it('refuses a relay address that is not a WebSocket URL', () => {
    const made = createPairing('http://example.com', 'space-1')
    expect(made.ok).toBe(false)
    if (!made.ok) expect(made.error.path).toBe('relayUrl')
  })

  it('explains what is wrong with a malformed code', () => {
    const pairing = fresh()
    expect(messageOf('hello')).toMatch(/not a Keepsake pairing code/)
    expect(messageOf(`${PAIRING_PREFIX}***`)).toMatch(/damaged/)
    expect(messageOf(encodePairingCode(pairing).slice(0, 40))).toMatch(/damaged|invalid/)
    expect(messageOf(PAIRING_PREFIX + toBase64Url(new TextEncoder().encode('{not json')))).toMatch(
      /damaged/,
    )
    expect(messageOf(codeOf({ v: 2, ...pairing, secret: 'short' }))).toMatch(/secret/)
    expect(messageOf(codeOf({ v: 2, ...pairing, relayUrl: 'ftp://x' }))).toMatch(/relayUrl/)
    expect(messageOf(codeOf({ v: 3, ...pairing }))).toMatch(/invalid/)
    expect(messageOf(codeOf({ v: 1, relayUrl: pairing.relayUrl }))).toMatch(/spaceId|secret/)
  })

  it('names a room derived from the secret in new codes, and keeps older codes in their space-id room', () => {
    const pairing = fresh()
    expect(pairing.room).toBe('secret')
    const { room: _room, ...fields } = pairing
    // A code written before rooms existed (v1) still joins the space where its devices sync.
    const older = decodePairingCode(codeOf({ v: 1, ...fields }))
    expect(older).toEqual({ ok: true, value: { ...fields, room: 'space-id' } })
    if (!older.ok) return
    // Its code stays v1, which those older builds can read.
    const again = encodePairingCode(older.value)
    expect(decodePairingCode(again)).toEqual(older)
    expect(again).toBe(codeOf({ v: 1, ...fields }))
  })
})
