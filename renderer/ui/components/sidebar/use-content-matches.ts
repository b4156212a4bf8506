import { useEffect, useState } from 'react'
import { client } from '../../state/client'

/** The most message hits one filter asks for; each names its conversation. */
const HITS = 100
/** Typing pauses this long before the messages are searched. */
const PAUSE_MS = 150

const NONE: ReadonlySet<string> = new Set()

/**
 * The conversations whose messages match `query`, by the same search as Ctrl+K (words, stems, time
 * phrases), so the sidebar filter finds a conversation by what was said in it, not only its title.
 */
export function useContentMatches(query: string): ReadonlySet<string> {
  const [matches, setMatches] = useState<ReadonlySet<string>>(NONE)
  useEffect(() => {
    const q = query.trim()
    if (q === '') {
      setMatches(NONE)
      return
    }
    let live = true
    const timer = setTimeout(() => {
      void client()
        .request('search.all', { query: q.slice(0, 500), limit: HITS })
        .then((r) => {
          if (!live || !r.ok) return
          const ids = r.value.flatMap((h) =>
            h.kind === 'message' && h.conversationId !== null ? [h.conversationId] : [],
          )
          setMatches(new Set(ids))
        })
    }, PAUSE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [query])
  return matches
}
