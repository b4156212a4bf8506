import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react'
import { readDraft, writeDraft } from '../../state/drafts'
import { enqueueSend } from '../../state/outbox'
import { useApp } from '../../state/store'
import { Icon } from '../icons'

/**
 * The message box. Enter sends, Shift+Enter starts a new line. Sending hands the text to the outbox
 * and empties the box at once, so whatever is typed next is never touched by the save finishing;
 * a message that cannot be saved comes back here. What is typed is the open conversation's draft,
 * kept across reloads and never shown in another conversation. The text stays in this component
 * (not the store), so typing re-renders nothing else.
 */
export function Composer() {
  const activeId = useApp((s) => s.activeId)
  const [text, setText] = useState(() => readDraft(activeId))
  const [shownFor, setShownFor] = useState(activeId)
  const readOnly = useApp((s) => s.status?.readOnly != null)
  const seed = useApp((s) => s.composerSeed)
  const box = useRef<HTMLTextAreaElement>(null)

  // Another conversation opened: show its draft. The first conversation, made by sending from an
  // empty app, takes over what was typed meanwhile.
  if (shownFor !== activeId) {
    setShownFor(activeId)
    if (shownFor === null && activeId !== null && readDraft(activeId) === '') {
      writeDraft(activeId, readDraft(null))
      writeDraft(null, '')
    }
    setText(readDraft(activeId))
  }

  useEffect(() => {
    if (!seed || seed.conversationId !== useApp.getState().activeId) return
    setText(seed.text)
    writeDraft(seed.conversationId, seed.text)
    box.current?.focus()
  }, [seed])

  // Grow with the text up to a limit, then scroll inside.
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    el.style.height = 'auto'
    el.style.height = `${Math.min(el.scrollHeight, 240)}px`
  }, [text])

  const change = (value: string): void => {
    setText(value)
    writeDraft(activeId, value)
  }
  const submit = (): void => {
    const value = text.trim()
    if (value === '' || readOnly) return
    change('')
    enqueueSend(activeId, value)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault()
      submit()
    }
  }
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault()
    submit()
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
          onChange={(e) => change(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button
          type="submit"
          className="send-button"
          aria-label="Send"
          title="Send (Enter)"
          disabled={readOnly || text.trim() === ''}
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
