import { describe, expect, it } from 'vitest'
import {
  isTrustedSender,
  type SenderFacts,
} from '../../../../electron/main/policy/is-trusted-sender'

const ours: SenderFacts = {
  url: 'keepsake://app/index.html',
  isTopFrame: true,
  windowId: 3,
  windowIds: new Set([3, 4]),
}

describe('isTrustedSender', () => {
  it('trusts the top frame of one of the allowed windows showing an app page', () => {
    expect(isTrustedSender(ours)).toBe(true)
    expect(isTrustedSender({ ...ours, url: 'keepsake://app/index.html#/settings' })).toBe(true)
  })

  it('refuses a subframe', () => {
    expect(isTrustedSender({ ...ours, isTopFrame: false })).toBe(false)
  })

  it('refuses a window that is not allowed on the channel', () => {
    expect(isTrustedSender({ ...ours, windowId: 9 })).toBe(false)
    expect(isTrustedSender({ ...ours, windowId: null })).toBe(false)
    expect(isTrustedSender({ ...ours, windowIds: new Set() })).toBe(false)
  })

  it('refuses a frame showing something other than the app', () => {
    expect(isTrustedSender({ ...ours, url: 'https://example.com/' })).toBe(false)
    expect(isTrustedSender({ ...ours, url: 'keepsake://other/index.html' })).toBe(false)
    expect(isTrustedSender({ ...ours, url: 'file:///work/out/renderer/index.html' })).toBe(false)
    expect(isTrustedSender({ ...ours, url: null })).toBe(false)
  })
})
