import { useEffect, useId, useState, type KeyboardEvent } from 'react'

/**
 * A number field that saves when the person leaves it or presses Enter, and only a valid value;
 * an invalid one is explained next to the field and not saved.
 */
export function NumberSetting({
  label,
  value,
  unit,
  min,
  step,
  integer = false,
  onCommit,
}: {
  label: string
  value: number
  unit: string
  min: number
  step: number | 'any'
  integer?: boolean
  onCommit: (value: number) => void
}) {
  const id = useId()
  const [text, setText] = useState(String(value))
  useEffect(() => setText(String(value)), [value])
  const parsed = Number(text)
  const problem =
    text.trim() === '' || !Number.isFinite(parsed)
      ? 'Enter a number.'
      : parsed < min
        ? `Use at least ${min.toLocaleString()}.`
        : integer && !Number.isInteger(parsed)
          ? 'Use a whole number.'
          : null
  const commit = (): void => {
    if (problem === null && parsed !== value) onCommit(parsed)
  }
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Enter') {
      e.preventDefault()
      commit()
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
          step={step}
          value={text}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={onKey}
        />
        <span className="unit">{unit}</span>
      </span>
      {problem && (
        <span id={`${id}-problem`} className="field-problem">
          {problem}
        </span>
      )}
    </div>
  )
}
