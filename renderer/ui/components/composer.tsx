import { useState, type FormEvent, type KeyboardEvent } from 'react'
import { send } from '../state/actions'

/** The message box. Enter sends, Shift+Enter starts a new line. */
export function Composer() {
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async (): Promise<void> => {
    const value = text.trim()
    if (value === '' || busy) return
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
      <label className="visually-hidden" htmlFor="message">
        Message
      </label>
      <textarea
        id="message"
        aria-label="Message"
        placeholder="Message Keepsake…"
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="primary" disabled={busy || text.trim() === ''}>
        Send
      </button>
    </form>
  )
}
