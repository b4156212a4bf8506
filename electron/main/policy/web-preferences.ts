import { join } from 'node:path'
import type { WebPreferences } from 'electron'

/** The two kinds of renderer Keepsake opens. */
export type RendererKind = 'ui' | 'runtime'

/**
 * The hardened `webPreferences` of a renderer: sandboxed, context-isolated, no Node anywhere, web
 * security on, no insecure content, no experimental features, no `<webview>`, and the kind's preload
 * from `preloadDir` (`out/preload`). The hidden runtime window is never throttled: its timers flush
 * writes and sync.
 */
export function webPreferencesFor(kind: RendererKind, preloadDir: string): WebPreferences {
  return {
    preload: join(preloadDir, kind === 'ui' ? 'ui.cjs' : 'runtime.cjs'),
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
    safeDialogs: true,
    spellcheck: kind === 'ui',
    backgroundThrottling: kind === 'ui',
  }
}
