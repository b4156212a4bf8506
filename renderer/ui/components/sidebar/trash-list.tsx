import { useMemo, useRef, useState, type FocusEvent } from 'react'
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual'
import type { ConversationSummary } from '../../../../shared/contract'
import { useApp } from '../../state/store'
import { openConversation } from '../../state/actions'
import {
  deleteConversationForever,
  emptyTrash,
  restoreConversation,
} from '../../state/conversation-actions'
import { formatCount, formatRelative } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { Icon } from '../icons'
import { ConfirmDialog } from '../confirm-dialog'
import { ForeverNote } from '../forever-note'
import { TrashPreview } from './trash-preview'

const messages = (n: number): string => `${formatCount(n)} ${n === 1 ? 'message' : 'messages'}`

type Asking = { kind: 'one'; summary: ConversationSummary } | { kind: 'all' } | null

/** Conversations moved to Trash, newest first: preview, restore, or delete them for good. */
export function TrashList() {
  const conversations = useApp((s) => s.conversations)
  const now = useNow()
  const [asking, setAsking] = useState<Asking>(null)
  const [preview, setPreview] = useState<ConversationSummary | null>(null)
  const trashed = useMemo(
    () =>
      conversations
        .filter((c) => c.deletedAt !== null)
        .sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? '')),
    [conversations],
  )
  // Virtualized like the conversation list: only the rows in view are in the page, and the row
  // with keyboard focus stays while the list is scrolled away from it.
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const focused = focusedId === null ? -1 : trashed.findIndex((c) => c.id === focusedId)
  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: trashed.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 56,
    overscan: 8,
    getItemKey: (i) => trashed[i]?.id ?? i,
    gap: 1,
    rangeExtractor: (range) => {
      const shown = defaultRangeExtractor(range)
      if (focused < 0 || shown.includes(focused)) return shown
      return [...shown, focused].sort((a, b) => a - b)
    },
  })
  const items = virtualizer.getVirtualItems()
  const total = virtualizer.getTotalSize()
  const onFocus = (e: FocusEvent<HTMLDivElement>): void => {
    const index = (e.target as Element).closest<HTMLElement>('li[data-index]')?.dataset.index
    setFocusedId(index === undefined ? null : (trashed[Number(index)]?.id ?? null))
  }
  const onBlur = (e: FocusEvent<HTMLDivElement>): void => {
    if (!(e.relatedTarget instanceof Node) || !e.currentTarget.contains(e.relatedTarget))
      setFocusedId(null)
  }
  const restore = async (id: string): Promise<void> => {
    await restoreConversation(id)
    await openConversation(id)
  }
  return (
    <section
      className="trash"
      aria-labelledby="trash-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && asking === null && preview === null)
          useApp.setState({ sidebarView: 'conversations' })
      }}
    >
      <div className="section-head">
        <h2 id="trash-title">Trash</h2>
        <button
          type="button"
          className="text-button"
          onClick={() => useApp.setState({ sidebarView: 'conversations' })}
        >
          Back to conversations
        </button>
      </div>
      <p className="hint">
        Conversations in Trash keep every message until you restore them or delete them for good.
      </p>
      {trashed.length === 0 ? (
        <p className="empty-note">Trash is empty.</p>
      ) : (
        <>
          <div ref={scroller} className="trash-scroll" onFocus={onFocus} onBlur={onBlur}>
            <div className="conv-window" style={{ height: total }}>
              <ul className="conv-list virtual" style={{ top: 0, height: total }}>
                {items.map((it) => {
                  const c = trashed[it.index]
                  if (!c) return null
                  return (
                    <li
                      key={it.key}
                      ref={virtualizer.measureElement}
                      data-index={it.index}
                      aria-posinset={it.index + 1}
                      aria-setsize={trashed.length}
                      className="conv-row trashed virtual"
                      style={{ transform: `translateY(${it.start}px)` }}
                    >
                      <button
                        type="button"
                        className="conv-open"
                        title={c.title}
                        aria-label={`Preview “${c.title}”`}
                        onClick={() => setPreview(c)}
                      >
                        <span className="conv-title">{c.title}</span>
                        <span className="conv-meta">
                          Trashed {formatRelative(c.deletedAt ?? c.updatedAt, now)} ·{' '}
                          {messages(c.messageCount)}
                        </span>
                      </button>
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={`Restore “${c.title}”`}
                        title="Restore"
                        onClick={() => void restore(c.id)}
                      >
                        <Icon name="undo" />
                      </button>
                      <button
                        type="button"
                        className="icon-button danger"
                        aria-label={`Delete “${c.title}” forever`}
                        title="Delete forever"
                        onClick={() => setAsking({ kind: 'one', summary: c })}
                      >
                        <Icon name="trash" />
                      </button>
                    </li>
                  )
                })}
              </ul>
            </div>
          </div>
          <button
            type="button"
            className="ghost-button small danger trash-empty"
            onClick={() => setAsking({ kind: 'all' })}
          >
            Empty Trash…
          </button>
        </>
      )}
      {asking?.kind === 'one' && (
        <ConfirmDialog
          title={`Delete “${asking.summary.title}” forever?`}
          confirmLabel="Delete forever"
          onClose={() => setAsking(null)}
          onConfirm={async () => {
            await deleteConversationForever(asking.summary.id)
          }}
        >
          <p>
            {messages(asking.summary.messageCount)} will be deleted from storage, not just hidden.
          </p>
          <ForeverNote />
        </ConfirmDialog>
      )}
      {asking?.kind === 'all' && (
        <ConfirmDialog
          title="Empty Trash?"
          confirmLabel={`Delete ${trashed.length} forever`}
          onClose={() => setAsking(null)}
          onConfirm={emptyTrash}
        >
          <p>
            {trashed.length === 1
              ? '1 conversation'
              : `${formatCount(trashed.length)} conversations`}{' '}
            ({messages(trashed.reduce((n, c) => n + c.messageCount, 0))}) will be deleted from
            storage, not just hidden.
          </p>
          <ForeverNote />
        </ConfirmDialog>
      )}
      {preview && (
        <TrashPreview
          summary={preview}
          onClose={() => setPreview(null)}
          onRestore={() => {
            setPreview(null)
            void restore(preview.id)
          }}
          onDelete={() => {
            setPreview(null)
            setAsking({ kind: 'one', summary: preview })
          }}
        />
      )}
    </section>
  )
}
