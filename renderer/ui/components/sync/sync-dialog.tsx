import { useEffect, useId, useRef, useState } from 'react'
import { Modal } from '../modal'
import { createPairingCode, hostRelay, joinWithCode, loadCode, unpairDevice } from './sync-actions'
import { useSync } from './sync-store'
import { PairingCodeView } from './pairing-code-view'
import { SyncStatusPanel } from './sync-status-panel'
import { plainNetworkNote } from './plain-network-note'

/** The relay a person running one on this computer reaches (the relay's default port). */
export const DEFAULT_RELAY_URL = 'ws://127.0.0.1:5171'

/**
 * The Sync dialog: status and paired devices, this space's pairing code (text and QR), pairing
 * with a relay (optionally hosted here), joining another device's space, and unpairing.
 */
export function SyncDialog({ onClose }: { onClose: () => void }) {
  const status = useSync((s) => s.status)
  const code = useSync((s) => s.code)
  const work = useSync((s) => s.work)
  const error = useSync((s) => s.error)
  const paired = status !== null && status.state !== 'unpaired'
  // Null until the person types: the field then follows the paired relay, or the default.
  const [typedUrl, setRelayUrl] = useState<string | null>(null)
  const relayUrl = typedUrl ?? status?.relayUrl ?? DEFAULT_RELAY_URL
  const [lan, setLan] = useState(false)
  const networkNote = plainNetworkNote(relayUrl, lan)
  const [typedName, setDeviceName] = useState<string | null>(null)
  const deviceName = typedName ?? status?.devices.find((d) => d.thisDevice)?.name ?? ''
  const [joinCode, setJoinCode] = useState('')
  const id = useId()

  useEffect(() => {
    if (paired) void loadCode()
  }, [paired])

  // The message sits at the end of a dialog that scrolls in a small window: bring it into view.
  const errorRef = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView({ block: 'nearest' })
  }, [error])

  const busy = work !== null
  const host = async (): Promise<void> => {
    const url = await hostRelay(lan)
    if (url !== null) setRelayUrl(url)
  }
  const join = async (): Promise<void> => {
    if (await joinWithCode(joinCode, deviceName)) setJoinCode('')
  }

  return (
    <Modal title="Sync" onClose={onClose} className="sync-dialog">
      <p className="dialog-lead">
        Keep this memory in step on your other laptops through a relay. Everything is encrypted on
        this device first: the relay stores and forwards only ciphertext.
      </p>
      {status && <SyncStatusPanel status={status} />}
      {/* A refused device's code no longer opens the space, so it is not offered. */}
      {paired && code && status.state !== 'refused' && (
        <section className="sync-section" aria-label="Pairing code">
          <PairingCodeView code={code} />
        </section>
      )}
      {paired && (
        <div className="sync-row">
          <button
            type="button"
            className="ghost-button danger"
            disabled={busy}
            onClick={() => void unpairDevice()}
          >
            Unpair this device
          </button>
          <span className="hint">Stops syncing here and forgets the secret; memory stays.</span>
        </div>
      )}

      <section className="sync-section" aria-labelledby={`${id}-pair`}>
        <h3 id={`${id}-pair`}>{paired ? 'Relay' : 'Start syncing this memory'}</h3>
        <div className="sync-field">
          <label htmlFor={`${id}-name`}>Device name</label>
          <input
            id={`${id}-name`}
            type="text"
            placeholder="e.g. Work laptop"
            maxLength={200}
            value={deviceName}
            onChange={(e) => setDeviceName(e.target.value)}
          />
        </div>
        <div className="sync-field">
          <label htmlFor={`${id}-relay`}>Relay URL</label>
          <input
            id={`${id}-relay`}
            type="url"
            spellCheck={false}
            value={relayUrl}
            onChange={(e) => setRelayUrl(e.target.value)}
          />
        </div>
        <div className="sync-row">
          <button
            type="button"
            className="ghost-button small"
            disabled={busy}
            onClick={() => void host()}
          >
            Host relay on this computer
          </button>
          <label className="sync-check">
            <input type="checkbox" checked={lan} onChange={(e) => setLan(e.target.checked)} />
            Allow other computers on my network (LAN)
          </label>
        </div>
        {networkNote && (
          <p className="hint" role="note">
            {networkNote}
          </p>
        )}
        <div className="sync-row">
          <button
            type="button"
            className="primary-button"
            disabled={busy || relayUrl.trim() === ''}
            onClick={() => void createPairingCode(relayUrl.trim(), deviceName)}
          >
            Create pairing code
          </button>
          {work === 'pair' && <span className="hint">Deriving the keys…</span>}
        </div>
      </section>

      <section className="sync-section" aria-labelledby={`${id}-join`}>
        <h3 id={`${id}-join`}>Join another device</h3>
        <p className="hint">
          Paste the code shown on your other device. This device then opens that memory; what is
          here now stays on this device under Export &amp; import → Spaces.
        </p>
        <div className="sync-field">
          <label htmlFor={`${id}-code`}>Pairing code</label>
          <input
            id={`${id}-code`}
            type="text"
            spellCheck={false}
            autoComplete="off"
            placeholder="keepsake-sync:…"
            value={joinCode}
            onChange={(e) => setJoinCode(e.target.value)}
          />
        </div>
        <div className="sync-row">
          <button
            type="button"
            className="primary-button"
            disabled={busy || joinCode.trim() === ''}
            onClick={() => void join()}
          >
            Join
          </button>
          {work === 'join' && <span className="hint">Joining…</span>}
        </div>
      </section>

      {error && (
        <p role="alert" className="sync-error" ref={errorRef}>
          {error}
        </p>
      )}
    </Modal>
  )
}
