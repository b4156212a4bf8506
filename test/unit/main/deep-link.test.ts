import { describe, expect, it } from 'vitest'
import { findDeepLink, parseDeepLink } from '../../../electron/main/deep-link'

describe('parseDeepLink', () => {
  it('opens the pairing screen with the code from keepsake://pair', () => {
    expect(parseDeepLink('keepsake://pair?code=K7-93Q2')).toEqual({
      ok: true,
      value: { command: 'pair', code: 'K7-93Q2' },
    })
    expect(parseDeepLink('KEEPSAKE://PAIR?code=K7')).toEqual({
      ok: true,
      value: { command: 'pair', code: 'K7' },
    })
    expect(parseDeepLink('keepsake://pair/?code=abc%2Bdef')).toEqual({
      ok: true,
      value: { command: 'pair', code: 'abc+def' },
    })
  })

  it.each([
    ['keepsake://pair', 'code'],
    ['keepsake://pair?code=', 'code'],
    ['keepsake://pair?code=a%20b', 'code'],
    ['keepsake://pair?code=a%0Ab', 'code'],
    [`keepsake://pair?code=${'a'.repeat(4097)}`, 'code'],
  ])('refuses a pairing link without a usable code: %s', (link, path) => {
    const result = parseDeepLink(link)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatchObject({ code: 'validation', path })
  })

  it.each(['keepsake://app/index.html', 'keepsake://settings', 'https://pair?code=1', 'nonsense'])(
    'refuses links it does not know: %s',
    (link) => {
      expect(parseDeepLink(link).ok).toBe(false)
    },
  )
})

describe('findDeepLink', () => {
  it('finds the deep link among launch arguments', () => {
    expect(findDeepLink(['/opt/Keepsake/keepsake', '--no-sandbox', 'keepsake://pair?code=1'])).toBe(
      'keepsake://pair?code=1',
    )
    expect(findDeepLink(['C:\\Keepsake.exe', 'KEEPSAKE://pair?code=1'])).toBe(
      'KEEPSAKE://pair?code=1',
    )
  })

  it('finds nothing on an ordinary launch', () => {
    expect(findDeepLink(['/opt/Keepsake/keepsake', '.'])).toBeUndefined()
  })
})
