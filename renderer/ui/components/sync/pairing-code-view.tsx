import { useId, useRef, useState } from 'react'
import { Icon } from '../icons'
import { PairingQr } from './pairing-qr'

/**
 * This space's pairing code: as text to copy and as a QR code. It contains the sync secret, so the
 * hint says to keep it to the person's own devices.
 */
export function PairingCodeView({ code }: { code: string }) {
  const id = useId()
  const box = useRef<HTMLTextAreaElement>(null)
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(code)
      setCopied('yes')
    } catch {
      // No clipboard permission (or no secure context): select it so the person can copy it.
      box.current?.select()
      setCopied('no')
    }
  }
  return (
    <div className="sync-code">
      <PairingQr code={code} />
      <div className="sync-code-text">
        <label htmlFor={id}>Pairing code for your other devices</label>
        <textarea id={id} ref={box} readOnly rows={5} value={code} spellCheck={false} />
        <div className="sync-row">
          <button type="button" className="ghost-button small" onClick={() => void copy()}>
            <Icon name="copy" />
            Copy code
          </button>
          <span className="hint" role="status">
            {copied === 'yes'
              ? 'Copied.'
              : copied === 'no'
                ? 'Selected — press Ctrl+C to copy.'
                : ''}
          </span>
        </div>
        <p className="hint">
          It holds this space’s sync secret: share it only with your own devices.
        </p>
      </div>
    </div>
  )
}
