import { expect, test } from 'vitest'
import { releaseBytes } from '../../../shared/release-bytes'

test('bytes spanning their own buffer are released: the buffer is detached and reads as empty', () => {
  const bytes = new Uint8Array(1 << 20).fill(7)
  const buffer = bytes.buffer
  expect(releaseBytes(bytes)).toBe(true)
  expect(buffer.byteLength).toBe(0)
  expect(bytes.length).toBe(0)
})

test('a view into part of a larger buffer, a pooled Node Buffer or empty bytes are left as they are', () => {
  const whole = new Uint8Array(100).fill(1)
  for (const part of [whole.subarray(10), whole.subarray(0, 50)]) {
    expect(releaseBytes(part)).toBe(false)
    expect(part[0]).toBe(1)
  }
  expect(whole.length).toBe(100)
  const pooled = Buffer.from('a small string lives in a shared pool')
  expect(releaseBytes(pooled)).toBe(false)
  expect(pooled.toString()).toBe('a small string lives in a shared pool')
  expect(releaseBytes(new Uint8Array(0))).toBe(false)
})
