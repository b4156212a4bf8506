import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react'
import { readDraft, readDraftEntry, writeDraft, type DraftEntry } from '../../state/drafts'
import { messageAt } from '../../state/thread'
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
  const focusAsked = useApp((s) => s.composerFocus)
  const thread = useApp((s) => s.thread)
  const box = useRef<HTMLTextAreaElement>(null)
  // The draft as read back from storage, until the person changes it (see the effect below).
  const restored = useRef<DraftEntry | null>(text === '' ? null : readDraftEntry(activeId))

  // Another conversation opened: show its draft. The first conversation, made by sending from an
  // empty app, takes over what was typed meanwhile.
  if (shownFor !== activeId) {
    setShownFor(activeId)
    if (shownFor === null && activeId !== null && readDraft(activeId) === '') {
      writeDraft(activeId, readDraft(null))
      writeDraft(null, '')
    }
    const draft = readDraftEntry(activeId)
    restored.current = draft.text === '' ? null : draft
    setText(draft.text)
  }

  // Local storage is not durable across a crash, so a draft that was cleared on sending can come
  // back after one. A restored draft last changed before one of the conversation's recent messages
  // was written, and which that message holds (the whole of it, or its start), was sent: it is
  // dropped instead of being sent twice. A draft typed after that message stays, whatever it says.
  useEffect(() => {
    const draft = restored.current
    const said = draft?.text.trim()
    if (!draft || !said || draft.at === null || !thread || thread.conversationId !== activeId)
      return
    if (text !== draft.text) return
    // Every message written since the draft's last change is looked at (not just the last few: a
    // person may have sent many more before the crash), back to the first one older than the draft.
    for (let i = thread.total - 1, seen = 0; i >= 0 && seen < 500; i--, seen++) {
      const m = messageAt(thread, i)
      if (!m || Date.parse(m.createdAt) < draft.at) break
      if (m.role !== 'user') continue
      if (m.text.trim().startsWith(said)) {
        restored.current = null
        setText('')
        writeDraft(activeId, '')
        return
      }
    }
  }, [thread, activeId, text])

  useEffect(() => {
    if (!seed || seed.conversationId !== useApp.getState().activeId) return
    restored.current = null
    setText(seed.text)
    writeDraft(seed.conversationId, seed.text)
    box.current?.focus()
  }, [seed])

  useEffect(() => {
    if (focusAsked > 0) box.current?.focus()
  }, [focusAsked])

  // Grow with the text up to a limit, then scroll inside.
  useLayoutEffect(() => {
    const el = box.current
    if (!el) return
    el.style.height = 'auto'
    el.style.height = `${Math.min(el.scrollHeight, 240)}px`
  }, [text])

  const change = (value: string): void => {
    restored.current = null
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
