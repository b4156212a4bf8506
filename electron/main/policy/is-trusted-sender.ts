import { parseAppUrl } from '../../services/app-url'

/** What is known about the frame an IPC message came from. */
export interface SenderFacts {
  /** The sending frame's URL (`event.senderFrame.url`); `null` when the frame is gone. */
  url: string | null
  /** Whether the frame is its page's top frame (`senderFrame.parent === null`). */
  isTopFrame: boolean
  /** The id of the BrowserWindow the message came from, `null` when it is none of ours. */
  windowId: number | null
  /** The windows allowed to use this channel (UI windows, or the runtime window). */
  windowIds: ReadonlySet<number>
}

/**
 * Whether an IPC message may be acted on: it comes from the top frame of one of the windows allowed
 * on the channel, and that frame is showing a page on `keepsake://app/`. An iframe, a navigated-away
 * page or an unknown window is refused.
 */
export function isTrustedSender(sender: SenderFacts): boolean {
  return (
    sender.url !== null &&
    sender.isTopFrame &&
    sender.windowId !== null &&
    sender.windowIds.has(sender.windowId) &&
    parseAppUrl(sender.url) !== undefined
  )
}
