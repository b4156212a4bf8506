import { useCallback, useEffect, useState } from 'react'
import type { SpaceListing } from '../../../../shared/contract/files-requests'
import { client } from '../../state/client'
import { useApp } from '../../state/store'
import { SpaceRow } from './space-row'
import { shownError } from '../../lib/human-error'

/**
 * This profile's spaces: each with its name, when it was made and last used, and what it holds;
 * open, rename or delete one (the open one cannot be deleted until another is opened).
 */
export function SpacesSection({ disabled }: { disabled: boolean }) {
  const [listing, setListing] = useState<SpaceListing | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async (): Promise<void> => {
    const r = await client().request('spaces.list', {})
    if (r.ok) setListing(r.value)
    else setError(shownError(r.error))
  }, [])
  // The open space's name can change while the list is shown (renamed on another laptop): read again.
  const openName = useApp((s) => s.status?.spaceName)
  useEffect(() => void load(), [load, openName])
  if (error && !listing)
    return (
      <p role="alert" className="files-error">
        {error}
      </p>
    )
  if (!listing) return null
  const names = new Map<string, number>()
  for (const s of listing.spaces) names.set(s.name, (names.get(s.name) ?? 0) + 1)
  return (
    <section className="files-section" aria-label="Spaces on this device">
      <h3>Spaces on this device</h3>
      {error && (
        <p role="alert" className="files-error">
          {error}
        </p>
      )}
      <ul className="files-spaces">
        {listing.spaces.map((s) => (
          <SpaceRow
            key={s.id}
            space={s}
            open={s.id === listing.activeId}
            alone={listing.spaces.length === 1}
            sameName={(names.get(s.name) ?? 0) > 1}
            disabled={disabled}
            onChanged={() => {
              setError(null)
              void load()
            }}
            onError={setError}
          />
        ))}
      </ul>
    </section>
  )
}
