import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { MemoryKind } from '../../../../shared/schema/current'
import { addMemory } from '../../state/memory-actions'
import { KIND_LABEL } from './memory-row'

/** The most a memory item may hold, as the runtime's contract says. */
const MAX_TEXT = 10_000

const KINDS: MemoryKind[] = ['fact', 'preference', 'task', 'issue']

/** What is wrong with `text` as a memory item, or null when it can be added. */
function problemWith(text: string): string | null {
  const trimmed = text.trim()
  if (trimmed === '') return 'Type what to remember.'
  if (trimmed.length > MAX_TEXT)
    return `That is ${trimmed.length.toLocaleString()} characters; an item holds at most ${MAX_TEXT.toLocaleString()}.`
  return null
}

/**
 * Adds an item to memory directly: its kind and its text. An empty or too long text is refused
 * with a message under the field; nothing is sent until it is valid.
 */
export function MemoryAddForm({ onDone }: { onDone: () => void }) {
  const id = useId()
  const [kind, setKind] = useState<MemoryKind>('fact')
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const field = useRef<HTMLTextAreaElement>(null)

  const submit = async (e?: FormEvent): Promise<void> => {
    e?.preventDefault()
    const wrong = problemWith(text)
    setProblem(wrong)
    // The message is under the field; the person fixes it there.
    if (wrong !== null) field.current?.focus()
    if (wrong !== null || saving) return
    setSaving(true)
    const added = await addMemory(kind, text.trim())
    setSaving(false)
    if (added) onDone()
  }
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      onDone()
    } else if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault()
      void submit()
    }
  }
  return (
    <form
      className="memory-add"
      aria-label="Add to memory"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <div className="memory-add-row">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(e) => setKind(e.target.value as MemoryKind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </div>
      <label htmlFor={`${id}-text`} className="visually-hidden">
        What to remember
      </label>
      <textarea
        ref={field}
        id={`${id}-text`}
        rows={2}
        placeholder="e.g. My dentist is Dr. Lee"
        value={text}
        // The person just asked to add an item: the field is where they type it.
        autoFocus
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? `${id}-problem` : undefined}
        onChange={(e) => {
          setText(e.target.value)
          if (problem !== null) setProblem(problemWith(e.target.value))
        }}
        onKeyDown={onKey}
      />
      {problem !== null && (
        <p id={`${id}-problem`} className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="memory-edit-actions">
        <button type="submit" className="primary-button small" disabled={saving}>
          Add
        </button>
        <button type="button" className="ghost-button small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}
