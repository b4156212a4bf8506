/**
 * The V8 flags Keepsake's renderers run with (`--js-flags`; the runtime's background context is
 * one). `--max-semi-space-size=8` caps each half of V8's young generation at 8 MiB: by default it
 * grows to its largest during any long allocating task and stays there, and during a 50,000-message
 * import that young generation was the largest part of the renderer's growth (bench row 9: RSS peak
 * 174 → 139 MiB, import time unchanged). The bench's app device launches Chromium with the same
 * flags, so it measures the app as Electron runs it.
 * @example app.commandLine.appendSwitch('js-flags', APP_JS_FLAGS)
 */
export const APP_JS_FLAGS = '--max-semi-space-size=8'
