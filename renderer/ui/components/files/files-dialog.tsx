import { useEffect, useId, useState } from 'react'
import type {
  FilesProgress,
  ImportMode,
  LastImport,
  SessionEncoding,
} from '../../../../shared/contract/files-requests'
import { reportHeadline } from '../../../../shared/session/import-report'
import { MAX_DECOMPRESSED_BYTES, formatBytes } from '../../../../shared/session/limits'
import { client } from '../../state/client'
import { useApp } from '../../state/store'
import { Modal } from '../modal'
import { saveFile } from './save-file'
import { ImportReportView } from './import-report-view'
import { SpacesSection } from './spaces-section'
import { ConfirmDialog } from '../confirm-dialog'
import { keepFilesNotice } from './files-notice'
import { shownError } from '../../lib/human-error'

/**
 * Largest export the app reads at once (a zip, or the files of an unpacked export chosen together):
 * ChatGPT zips carry every image, though only the conversations are read.
 */
const MAX_EXPORT_BYTES = 1024 * 1024 * 1024

const MODES: { value: ImportMode; label: string; hint: string }[] = [
  {
    value: 'new-space',
    label: 'As a new space',
    hint: 'Opens the file as a space of its own; this one stays as it is.',
  },
  {
    value: 'merge',
    label: 'Merge into this space',
    hint: 'Adds what the file has that this space lacks. Importing it again adds nothing.',
  },
  {
    value: 'replace',
    label: 'Replace this space',
    hint: 'This space becomes the file. A backup of it is kept here to download.',
  },
]

type Work = { kind: 'export' | 'import'; progress: FilesProgress | null }

/** The Files dialog: export the space or the open conversation, import a file in one of three modes. */
export function FilesDialog({
  onClose,
  notice = null,
}: {
  onClose: () => void
  /** What the last import said before the window reloaded onto its space. */
  notice?: string | null
}) {
  const activeId = useApp((s) => s.activeId)
  const spaceName = useApp((s) => s.status?.spaceName ?? 'this space')
  const [confirmReplace, setConfirmReplace] = useState(false)
  const [encoding, setEncoding] = useState<SessionEncoding>('json')
  const [chosen, setChosen] = useState<File[]>([])
  const [mode, setMode] = useState<ImportMode>('new-space')
  const [work, setWork] = useState<Work | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [backup, setBackup] = useState<string | null>(null)
  const [lastImport, setLastImport] = useState<LastImport | null>(null)
  const formatId = useId()
  const fileId = useId()

  useEffect(
    () => client().on('files.progress', (p) => setWork((w) => (w ? { ...w, progress: p } : w))),
    [],
  )
  const readLastImport = (): Promise<void> =>
    client()
      .request('files.lastImport', {})
      .then((r) => setLastImport(r.ok ? r.value : null))
  useEffect(() => {
    void readLastImport()
  }, [])
  useEffect(() => {
    void client()
      .request('files.backup', {})
      .then((r) => setBackup(r.ok ? r.value.fileName : null))
  }, [])

  const start = (kind: Work['kind']): void => {
    setWork({ kind, progress: null })
    setError(null)
    setDone(null)
  }

  const exportFile = async (scope: 'space' | 'conversation'): Promise<void> => {
    if (scope === 'conversation' && !activeId) return
    start('export')
    const r = await client().request(
      'files.export',
      scope === 'space' ? { scope, encoding } : { scope, conversationId: activeId ?? '', encoding },
    )
    if (!r.ok) {
      setWork(null)
      return setError(shownError(r.error))
    }
    const saved = await saveFile(r.value.fileName, r.value.bytes)
    setWork(null)
    if (!saved.ok)
      return saved.error.code === 'cancelled' ? undefined : setError(shownError(saved.error))
    setDone(
      `Exported ${r.value.messages} messages and ${r.value.memory} memory items to ${saved.value.name}.`,
    )
  }

  const importFile = async (): Promise<void> => {
    const [file, ...others] = chosen
    if (!file) return
    // The runtime checks each kind's own limit; this spares reading what cannot pass any.
    const limit =
      others.length > 0 || /\.zip$/i.test(file.name) ? MAX_EXPORT_BYTES : MAX_DECOMPRESSED_BYTES
    const total = chosen.reduce((n, f) => n + f.size, 0)
    if (total > limit) {
      return setError(
        `${chosen.length > 1 ? 'These files are' : `${file.name} is`} ${formatBytes(total)}, larger than the limit of ${formatBytes(limit)}. Nothing was changed.`,
      )
    }
    start('import')
    const bytes = new Uint8Array(await file.arrayBuffer())
    const more = await Promise.all(
      others.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    )
    // The bytes are handed to the runtime, not copied: the window does not hold the file meanwhile.
    const r = await client().request(
      'files.import',
      { fileName: file.name, bytes, mode, ...(more.length > 0 ? { more } : {}) },
      { transfer: [bytes, ...more.map((m) => m.bytes)].map((b) => b.buffer) },
    )
    setWork(null)
    if (!r.ok) return setError(shownError(r.error))
    const s = r.value
    if (s.switched) {
      const told =
        s.mode === 'replace'
          ? `Replaced the space with ${file.name}: ${reportHeadline(s.report)}.${s.backup ? ` The space as it was is kept as ${s.backup.fileName}.` : ''}`
          : `${reportHeadline(s.report)}; imported into “${s.spaceName}”.`
      setDone(`${told} Opening it…`)
      // The runtime now serves the new space; the window starts over on it and says what happened:
      // after a replace in this dialog again, with the backup's download at hand; after a new space in
      // a notice with the way to the import report.
      keepFilesNotice(told, s.mode === 'replace' ? 'dialog' : 'toast')
      window.location.reload()
      return
    }
    setDone(
      s.messagesAdded === 0 && s.memoryWritten === 0
        ? 'Nothing new: this space already has everything in the file.'
        : `Merged ${s.messagesAdded} new messages and ${s.memoryWritten} memory items.`,
    )
    await readLastImport()
  }

  const downloadBackup = async (): Promise<void> => {
    const r = await client().request('files.backup', {})
    if (!r.ok) return setError(shownError(r.error))
    const saved = await saveFile(r.value.fileName, r.value.bytes)
    if (!saved.ok && saved.error.code !== 'cancelled') setError(shownError(saved.error))
  }

  const busy = work !== null
  const progress = work?.progress
  return (
    <Modal title="Files" onClose={() => (busy ? undefined : onClose())} className="files-dialog">
      {notice && (
        <div role="status" className="files-done files-notice">
          <p>{notice}</p>
          {backup && (
            <button
              type="button"
              className="primary-button small"
              onClick={() => void downloadBackup()}
            >
              Download backup
            </button>
          )}
        </div>
      )}
      <section className="files-section" aria-labelledby={`${formatId}-export`}>
        <h3 id={`${formatId}-export`}>Export</h3>
        <p className="hint">
          A session file holds memory with its history, conversations with their full logs, and what
          sync needs to merge them later.
        </p>
        <div className="files-row">
          <label htmlFor={formatId}>Format</label>
          <select
            id={formatId}
            value={encoding}
            onChange={(e) => setEncoding(e.target.value === 'msgpack' ? 'msgpack' : 'json')}
            disabled={busy}
          >
            <option value="json">Readable JSON (.keepsake.json)</option>
            <option value="msgpack">Compact (.keepsake)</option>
          </select>
        </div>
        <div className="files-row">
          <button
            type="button"
            className="primary-button"
            disabled={busy}
            onClick={() => void exportFile('space')}
          >
            Export space
          </button>
          <button
            type="button"
            className="ghost-button"
            disabled={busy || !activeId}
            onClick={() => void exportFile('conversation')}
          >
            Export conversation
          </button>
        </div>
      </section>

      <section className="files-section" aria-labelledby={`${fileId}-import`}>
        <h3 id={`${fileId}-import`}>Import</h3>
        <div className="files-row">
          <label htmlFor={fileId}>Import file</label>
          <input
            id={fileId}
            type="file"
            accept=".keepsake,.json,.jsonl,.zip"
            multiple
            disabled={busy}
            onChange={(e) => {
              setChosen([...(e.target.files ?? [])])
              setError(null)
              setDone(null)
            }}
          />
        </div>
        <p className="hint">
          Keepsake session files, JSONL transcripts (.jsonl), a ChatGPT export (the .zip as
          downloaded, conversations.json, or all the conversations-000.json… files of an unpacked
          export chosen together) or a Claude.ai export (the .zip or its conversations.json).
        </p>
        <fieldset className="files-modes" disabled={busy}>
          <legend>How to import</legend>
          {MODES.map((m) => (
            <label
              key={m.value}
              className={mode === m.value ? 'choice-row selected' : 'choice-row'}
            >
              <input
                type="radio"
                name="import-mode"
                value={m.value}
                checked={mode === m.value}
                aria-labelledby={`${fileId}-${m.value}`}
                aria-describedby={`${fileId}-${m.value}-hint`}
                onChange={() => setMode(m.value)}
              />
              <span id={`${fileId}-${m.value}`} className="choice-label">
                {m.label}
              </span>
              <span id={`${fileId}-${m.value}-hint`} className="hint">
                {m.hint}
              </span>
            </label>
          ))}
        </fieldset>
        <div className="files-row">
          <button
            type="button"
            className="primary-button"
            disabled={busy || chosen.length === 0}
            onClick={() => (mode === 'replace' ? setConfirmReplace(true) : void importFile())}
          >
            Import
          </button>
        </div>
      </section>

      {busy && (
        <div className="files-progress">
          <progress
            aria-label={work.kind === 'export' ? 'Exporting' : 'Importing'}
            max={progress?.total || undefined}
            value={progress && progress.total > 0 ? progress.done : undefined}
          />
          <span className="hint">
            {progress?.phase ?? (work.kind === 'export' ? 'Exporting…' : 'Checking the file…')}
          </span>
        </div>
      )}
      {error && (
        <p role="alert" className="files-error">
          {error}
        </p>
      )}
      {done && (
        <p role="status" className="files-done">
          {done}
        </p>
      )}
      {backup && !notice && (
        <p className="files-backup hint">
          The space replaced here was backed up as {backup}.{' '}
          <button type="button" className="link-button" onClick={() => void downloadBackup()}>
            Download backup
          </button>
        </p>
      )}
      {lastImport && <ImportReportView last={lastImport} />}
      {confirmReplace && (
        <ConfirmDialog
          title={`Replace “${spaceName}”?`}
          confirmLabel="Replace"
          onClose={() => setConfirmReplace(false)}
          onConfirm={importFile}
        >
          <p>
            Everything in “{spaceName}” — its memory and conversations — is replaced by{' '}
            {chosen.length === 1 ? chosen[0]?.name : `the ${chosen.length} files chosen`}.
          </p>
          <p className="dialog-lead">
            A backup of the space as it is now is kept here to download. Nothing changes if the file
            cannot be read.
          </p>
        </ConfirmDialog>
      )}
      <SpacesSection disabled={busy} />
    </Modal>
  )
}
