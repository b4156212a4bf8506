import { useEffect, useState, type KeyboardEvent } from 'react'
import type { SpaceSummary } from '../../../../shared/contract/files-requests'
import { client } from '../../state/client'
import { writeDraft } from '../../state/drafts'
import { inform } from '../../state/notices'
import { formatBytes, formatDateTime, formatRelative, plural } from '../../lib/format'
import { ConfirmDialog } from '../confirm-dialog'
import { shownError } from '../../lib/human-error'

/** "3 conversations · 40 messages · 12 memory items", or why it cannot be told. */
const sizeText = (size: SpaceSummary['size']): string =>
  size === null
    ? 'size unknown: saved by a newer Keepsake'
    : [
        plural(size.conversations, 'conversation', 'conversations'),
        plural(size.messages, 'message', 'messages'),
        plural(size.memory, 'memory item', 'memory items'),
      ].join(' · ')

/**
 * What the space keeps on this device: "about 1.2 MB stored", while it is measured "measuring its
 * size…", or nothing when it cannot be told (the counts already say why).
 */
const storedText = (bytes: number | null | undefined): string | null =>
  bytes === undefined
    ? 'measuring its size…'
    : bytes === null
      ? null
      : `about ${formatBytes(bytes)} stored`

/**
 * One space in the Spaces list: its name (with a short id when another space has the same name),
 * dates and size, and Open, Rename and Delete. Rename edits in place (Enter saves, Esc cancels);
 * Delete asks first, naming the space and what goes with it.
 */
export function SpaceRow({
  space,
  open,
  alone,
  sameName,
  disabled,
  onChanged,
  onError,
}: {
  space: SpaceSummary
  open: boolean
  alone: boolean
  sameName: boolean
  disabled: boolean
  onChanged: () => void
  onError: (message: string) => void
}) {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(space.name)
  const [asking, setAsking] = useState(false)
  const label = sameName ? `${space.name} (#${space.id.slice(0, 6)})` : space.name
  // Measured after the list is shown: it reads the space's whole database.
  const [bytes, setBytes] = useState<number | null | undefined>(undefined)
  const [measureError, setMeasureError] = useState<string | null>(null)
  const counts = JSON.stringify(space.size)
  useEffect(() => {
    let live = true
    void client()
      .request('spaces.storedBytes', { id: space.id })
      .then((r) => {
        if (!live) return
        setBytes(r.ok ? r.value.bytes : null)
        setMeasureError(r.ok ? null : shownError(r.error))
      })
    return () => {
      live = false
    }
  }, [space.id, counts])
  const stored = measureError ? `size not measured: ${measureError}` : storedText(bytes)
  const sizeLine = stored === null ? sizeText(space.size) : `${sizeText(space.size)} · ${stored}`

  const switchTo = async (): Promise<void> => {
    const r = await client().request('spaces.switch', { id: space.id })
    if (!r.ok) return onError(shownError(r.error))
    window.location.reload()
  }
  const rename = async (): Promise<void> => {
    const name = draft.trim()
    if (name === space.name) return setEditing(false)
    const r = await client().request('spaces.rename', { id: space.id, name })
    if (!r.ok) return onError(shownError(r.error))
    setEditing(false)
    onChanged()
  }
  const onEditKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter') {
      e.preventDefault()
      void rename()
    } else if (e.key === 'Escape') {
      // Esc leaves the field, not the whole dialog.
      e.preventDefault()
      e.stopPropagation()
      setDraft(space.name)
      setEditing(false)
    }
  }
  const remove = async (): Promise<void> => {
    const r = await client().request('spaces.delete', { id: space.id })
    if (!r.ok) return onError(shownError(r.error))
    for (const id of r.value.conversationIds) writeDraft(id, '')
    inform(`Deleted “${label}” from this device.`)
    onChanged()
  }

  return (
    <li className="space-row" aria-label={label}>
      <div className="space-main">
        {editing ? (
          <input
            className="space-rename"
            aria-label={`New name for “${label}”`}
            value={draft}
            maxLength={100}
            // The field replaces the name the person just chose to rename.
            autoFocus
            onFocus={(e) => e.currentTarget.select()}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onEditKey}
          />
        ) : (
          <span className="space-name">
            {space.name}
            {sameName && <span className="space-id"> #{space.id.slice(0, 6)}</span>}
            {open && <span className="space-open">open</span>}
          </span>
        )}
        <span className="space-meta">
          Created {formatDateTime(space.createdAt)}
          {space.lastOpenedAt && <> · last used {formatRelative(space.lastOpenedAt)}</>}
        </span>
        <span className="space-meta">{sizeLine}</span>
        {open && !alone && (
          <span className="space-meta">To delete this space, open another one first.</span>
        )}
      </div>
      <div className="space-actions">
        {editing ? (
          <>
            <button type="button" className="ghost-button small" onClick={() => void rename()}>
              Save name
            </button>
            <button
              type="button"
              className="ghost-button small"
              onClick={() => {
                setDraft(space.name)
                setEditing(false)
              }}
            >
              Cancel
            </button>
          </>
        ) : (
          <>
            {!open && (
              <button
                type="button"
                className="ghost-button small"
                disabled={disabled}
                aria-label={`Open ${label}`}
                onClick={() => void switchTo()}
              >
                Open
              </button>
            )}
            <button
              type="button"
              className="ghost-button small"
              disabled={disabled}
              aria-label={`Rename ${label}`}
              onClick={() => {
                setDraft(space.name)
                setEditing(true)
              }}
            >
              Rename
            </button>
            {!open && (
              <button
                type="button"
                className="ghost-button small danger"
                disabled={disabled}
                aria-label={`Delete ${label}`}
                onClick={() => setAsking(true)}
              >
                Delete
              </button>
            )}
          </>
        )}
      </div>
      {asking && (
        <ConfirmDialog
          title={`Delete “${label}”?`}
          confirmLabel="Delete space"
          onConfirm={remove}
          onClose={() => setAsking(false)}
        >
          <p>
            “{label}”, created {formatDateTime(space.createdAt)}, and everything in it ({sizeLine})
            will be deleted from this device for good.
          </p>
          <p>A copy on another laptop or in an exported file is not touched.</p>
        </ConfirmDialog>
      )}
    </li>
  )
}
