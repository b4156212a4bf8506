import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { webPreferencesFor } from '../../../../electron/main/policy/web-preferences'

describe('webPreferencesFor', () => {
  it.each(['ui', 'runtime'] as const)('hardens the %s renderer', (kind) => {
    const prefs = webPreferencesFor(kind, '/app/out/preload')
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    })
  })

  it('gives each kind its own sandboxed preload', () => {
    expect(webPreferencesFor('ui', '/p').preload).toBe(join('/p', 'ui.cjs'))
    expect(webPreferencesFor('runtime', '/p').preload).toBe(join('/p', 'runtime.cjs'))
  })

  it('never throttles the hidden runtime, whose timers flush writes', () => {
    expect(webPreferencesFor('runtime', '/p').backgroundThrottling).toBe(false)
    expect(webPreferencesFor('ui', '/p').backgroundThrottling).toBe(true)
  })
})
