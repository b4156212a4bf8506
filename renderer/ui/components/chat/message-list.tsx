import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type WheelEvent,
} from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useShallow } from 'zustand/react/shallow'
import { useApp } from '../../state/store'
import { ensureRows } from '../../state/thread-actions'
import { messageAt, type Thread } from '../../state/thread'
import { canAnswerAgain, isBeingRedone, isReplaced, newestAnswers } from '../../state/answers'
import { logLayout } from '../../state/log-layout'
import { Icon } from '../icons'
import { MessageRow, OutgoingRow, PendingRow, PlaceholderRow } from './message-row'

/** How close to the bottom (px) still counts as "at the latest message". */
const END_SLACK = 64

/**
 * The open conversation as a virtualized log: only the rows on screen exist in the page, so a
 * 100k-message conversation opens and scrolls like a short one. Rows not loaded yet are
 * placeholders whose page loads when they come into view; new messages and a reply growing as it
 * streams keep the bottom in view while the person is there.
 */
export function MessageList({ thread }: { thread: Thread }) {
  const conversationId = thread.conversationId
  const pendingIds = useApp(
    useShallow((s) =>
      Object.entries(s.pending)
        .filter(([, p]) => p.conversationId === conversationId)
        .map(([replyTo]) => replyTo),
    ),
  )
  const outgoing = useApp(
    useShallow((s) =>
      s.outbox
        .filter((o) => (o.conversationId ?? s.activeId) === conversationId)
        .map((o) => o.localId),
    ),
  )
  const retried = useApp((s) => s.retried)
  const jump = useApp((s) => s.jump)
  const endNonce = useApp((s) => s.endNonce)
  const total = thread.total
  // A reply being written sits under the message it answers, even when that is an older one.
  const layout = useMemo(
    () => logLayout(thread, pendingIds, outgoing),
    [thread, pendingIds, outgoing],
  )
  const count = layout.count
  const scroller = useRef<HTMLDivElement>(null)
  const getItemKey = useCallback((i: number) => layout.keyAt(i), [layout])
  // A jump reads the layout as it is when the jump is asked for, and is not asked again by a change.
  const layoutNow = useRef(layout)
  useLayoutEffect(() => {
    layoutNow.current = layout
  }, [layout])
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => 88,
    overscan: 8,
    getItemKey,
    anchorTo: 'end',
    scrollEndThreshold: END_SLACK,
    paddingStart: 16,
    paddingEnd: 16,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0

  // Load whatever is on screen (and just beyond it) that is not loaded yet. Rows written inline
  // shift indices by at most the few replies being written; the margin covers them.
  useEffect(() => {
    if (total > 0)
      void ensureRows(conversationId, Math.max(0, first - 20), Math.min(total - 1, last + 20))
  }, [conversationId, first, last, total])

  // Open at the newest message.
  const opened = useRef(false)
  useLayoutEffect(() => {
    if (opened.current || count === 0) return
    opened.current = true
    virtualizer.scrollToIndex(count - 1, { align: 'end' })
  }, [count, virtualizer])

  // Follow new messages while the person is at the bottom; once they scroll up themselves (wheel,
  // keys, scrollbar), stay put until they come back down. Scrolls made here (measuring rows,
  // keeping the anchor) never turn following off.
  const following = useRef(true)
  const dragging = useRef(false)
  const distanceFromEnd = (): number => {
    const el = scroller.current
    return el ? el.scrollHeight - el.scrollTop - el.clientHeight : 0
  }
  const onScroll = (): void => {
    if (distanceFromEnd() <= END_SLACK) following.current = true
    else if (dragging.current) following.current = false
  }
  const onWheel = (e: WheelEvent): void => {
    if (e.deltaY < 0) following.current = false
  }
  const onKeyDown = (e: KeyboardEvent): void => {
    if (['ArrowUp', 'PageUp', 'Home'].includes(e.key)) following.current = false
  }
  useLayoutEffect(() => {
    if (following.current && count > 0 && opened.current) {
      virtualizer.scrollToIndex(count - 1, { align: 'end' })
    }
  }, [count, virtualizer])

  // The person just sent something: show the bottom wherever they were.
  const seenEnd = useRef(endNonce)
  useEffect(() => {
    if (seenEnd.current === endNonce) return
    seenEnd.current = endNonce
    following.current = true
    if (count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' })
  }, [endNonce, count, virtualizer])

  // A jump (a source message, a search result): scroll to it, then focus it once it is rendered.
  const [target, setTarget] = useState<string | null>(null)
  useEffect(() => {
    if (!jump || jump.conversationId !== conversationId) return
    following.current = false
    virtualizer.scrollToIndex(layoutNow.current.rowOf(jump.index), { align: 'center' })
    setTarget(jump.messageId)
  }, [jump, conversationId, virtualizer])
  const targetShown =
    target !== null &&
    items.some((it) => {
      const row = layout.rowAt(it.index)
      return row.kind === 'message' && messageAt(thread, row.index)?.id === target
    })
  useEffect(() => {
    if (!target || !targetShown) return
    const el = scroller.current?.querySelector<HTMLElement>(
      `[data-message-id="${CSS.escape(target)}"]`,
    )
    el?.focus({ preventScroll: true })
  }, [target, targetShown])

  // Each question's newest answer, read from the document: an older attempt that failed is
  // replaced by the newer one (never another red error), and only the newest offers Retry or
  // Regenerate — on every device alike.
  const newest = useMemo(() => newestAnswers(thread), [thread])
  const waiting = useMemo(() => new Set(pendingIds), [pendingIds])

  const atEnd = virtualizer.getDistanceFromEnd() <= END_SLACK
  return (
    <div className="log-wrap">
      <div
        ref={scroller}
        className="messages"
        role="log"
        aria-label="Conversation"
        aria-live="polite"
        tabIndex={0}
        data-total={total}
        onScroll={onScroll}
        onWheel={onWheel}
        onKeyDown={onKeyDown}
        onPointerDown={(e) => {
          // A press on the log itself (not a message) is a press on its scrollbar.
          dragging.current = e.target === e.currentTarget
        }}
        onPointerUp={() => (dragging.current = false)}
      >
        <div className="messages-inner" style={{ height: virtualizer.getTotalSize() }}>
          <div
            className="messages-window"
            style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}
          >
            {items.map((item) => {
              const row = layout.rowAt(item.index)
              const message = row.kind === 'message' ? messageAt(thread, row.index) : undefined
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="row"
                >
                  {message ? (
                    isReplaced(message, newest) ||
                    isBeingRedone(message, newest, waiting) ? null : (
                      <MessageRow
                        message={message}
                        conversationId={conversationId}
                        canRetry={
                          message.error !== null &&
                          message.error.code !== 'stopped' &&
                          canAnswerAgain(message, newest, retried, waiting)
                        }
                        canRegenerate={
                          (message.error === null || message.error.code === 'stopped') &&
                          !message.deviceId.startsWith('import:') &&
                          canAnswerAgain(message, newest, retried, waiting)
                        }
                        highlight={message.id === target}
                      />
                    )
                  ) : row.kind === 'pending' ? (
                    <PendingRow replyTo={row.replyTo} />
                  ) : row.kind === 'outgoing' ? (
                    <OutgoingRow localId={row.localId} />
                  ) : (
                    <PlaceholderRow />
                  )}
                </div>
              )
            })}
          </div>
        </div>
      </div>
      {!atEnd && count > 0 && (
        <div className="latest-bar">
          <button
            type="button"
            className="jump-latest"
            onClick={() => {
              following.current = true
              virtualizer.scrollToIndex(count - 1, { align: 'end' })
            }}
          >
            <Icon name="arrowDown" size={14} />
            Latest
          </button>
        </div>
      )}
    </div>
  )
}
