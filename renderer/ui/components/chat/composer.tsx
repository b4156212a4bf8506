import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react'
import { send } from '../../state/actions'
import { useApp } from '../../state/store'
import { Icon } from '../icons'

/**
 * The message box. Enter sends, Shift+Enter starts a new line. What is typed stays here (not in the
 * store), so typing re-renders nothing else; the box is cleared only once the message is saved.
 */
export function Composer() {
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const readOnly = useApp((s) => s.status?.readOnly != null)
  const seed = useApp((s) => s.composerSeed)
  const box = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    if (!seed) return
    setText(seed.text)
    box.current?.focus()
  }, [seed])

  // Grow with the text up to a limit, then scroll inside.
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    el.style.height = 'auto'
    el.style.height = `${Math.min(el.scrollHeight, 240)}px`
  }, [text])

  const submit = async (): Promise<void> => {
    const value = text.trim()
    if (value === '' || busy || readOnly) return
    setBusy(true)
    const saved = await send(value)
    setBusy(false)
    if (saved) setText('')
  }
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault()
      void submit()
    }
  }
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault()
    void submit()
  }
  return (
    <form className="composer" onSubmit={onSubmit}>
      <div className="composer-box">
        <label className="visually-hidden" htmlFor="message">
          Message
        </label>
        <textarea
          ref={box}
          id="message"
          aria-label="Message"
          aria-describedby="composer-hint"
          placeholder={readOnly ? 'Read-only — update Keepsake to write here' : 'Message Keepsake…'}
          rows={1}
          value={text}
          disabled={readOnly}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button
          type="submit"
          className="send-button"
          aria-label="Send"
          title="Send (Enter)"
          disabled={busy || readOnly || text.trim() === ''}
        >
          <Icon name="send" size={16} />
        </button>
      </div>
      <p id="composer-hint" className="composer-hint">
        <kbd>Enter</kbd> to send · <kbd>Shift</kbd>+<kbd>Enter</kbd> for a new line
      </p>
    </form>
  )
}
