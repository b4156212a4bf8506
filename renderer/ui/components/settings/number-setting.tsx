import { useEffect, useId, useState, type KeyboardEvent } from 'react'

/**
 * A number field that saves when the person leaves it or presses Enter, and only a valid value;
 * an invalid one is explained next to the field, naming it and the range it takes, and not saved.
 * `onCommit` may answer with the runtime's reason for refusing a value, shown the same way.
 */
export function NumberSetting({
  label,
  value,
  unit,
  min,
  max,
  step,
  integer = false,
  onCommit,
}: {
  label: string
  value: number
  unit: string
  min: number
  max?: number
  step: number | 'any'
  integer?: boolean
  onCommit: (value: number) => Promise<string | null> | void
}) {
  const id = useId()
  const [text, setText] = useState(String(value))
  const [refused, setRefused] = useState<string | null>(null)
  useEffect(() => setText(String(value)), [value])
  const parsed = Number(text)
  const range =
    max === undefined
      ? `at least ${min.toLocaleString()} ${unit}`
      : `between ${min.toLocaleString()} and ${max.toLocaleString()} ${unit}`
  const local =
    text.trim() === '' || !Number.isFinite(parsed)
      ? `${label}: enter a number (${range}).`
      : parsed < min || (max !== undefined && parsed > max)
        ? `${label}: use ${range}.`
        : integer && !Number.isInteger(parsed)
          ? `${label}: use a whole number.`
          : null
  const problem = local ?? refused
  const commit = async (): Promise<void> => {
    if (local !== null || parsed === value) return
    setRefused((await onCommit(parsed)) ?? null)
  }
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter') {
      e.preventDefault()
      void commit()
    }
  }
  return (
    <div className="number-setting">
      <label htmlFor={id}>{label}</label>
      <span className="number-input">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={min}
          max={max}
          step={step}
          value={text}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => {
            setText(e.target.value)
            setRefused(null)
          }}
          onBlur={() => void commit()}
          onKeyDown={onKey}
        />
        <span className="unit">{unit}</span>
      </span>
      {problem && (
        <span id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  )
}
