import { isSafeExternalUrl } from './is-safe-external-url'

/** What to do with a `window.open` or `target="_blank"` link. */
export interface WindowOpenDecision {
  /** Always `deny`: the app never opens a renderer it did not create itself. */
  action: 'deny'
  /** Whether to hand the URL to the default browser instead (safe http(s) URLs only). */
  openExternally: boolean
}

/**
 * The decision for `setWindowOpenHandler`: no new in-app window ever; a safe http(s) link (a link
 * in an answer, say) opens in the person's browser.
 */
export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) }
}
