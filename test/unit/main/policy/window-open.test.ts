import { describe, expect, it } from 'vitest'
import { decideWindowOpen } from '../../../../electron/main/policy/window-open'

describe('decideWindowOpen', () => {
  it('never opens an in-app window, and sends http(s) links to the browser', () => {
    expect(decideWindowOpen('https://example.com/')).toEqual({
      action: 'deny',
      openExternally: true,
    })
  })

  it.each([
    'keepsake://app/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'about:blank',
  ])('opens nothing at all for %s', (url) => {
    expect(decideWindowOpen(url)).toEqual({ action: 'deny', openExternally: false })
  })
})
