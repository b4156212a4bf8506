import { useEffect, useState } from 'react'
import type { SpaceListing } from '../../../../shared/contract/files-requests'
import { client } from '../../state/client'

/** This profile's spaces, with a way to open another one (the window reloads on it). */
export function SpacesSection({ disabled }: { disabled: boolean }) {
  const [listing, setListing] = useState<SpaceListing | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    void client()
      .request('spaces.list', {})
      .then((r) => (r.ok ? setListing(r.value) : setError(r.error.message)))
  }, [])
  if (error)
    return (
      <p role="alert" className="files-error">
        {error}
      </p>
    )
  if (!listing || listing.spaces.length < 2) return null
  const open = async (id: string): Promise<void> => {
    const r = await client().request('spaces.switch', { id })
    if (!r.ok) return setError(r.error.message)
    window.location.reload()
  }
  return (
    <section className="files-section" aria-label="Spaces on this device">
      <h3>Spaces on this device</h3>
      <ul className="files-spaces">
        {listing.spaces.map((s) => (
          <li key={s.id}>
            <span>{s.name}</span>
            {s.id === listing.activeId ? (
              <span className="hint">open</span>
            ) : (
              <button
                type="button"
                className="ghost-button small"
                disabled={disabled}
                onClick={() => void open(s.id)}
              >
                Open {s.name}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
