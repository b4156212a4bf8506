import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { RetrievedMemory } from '../../../../shared/contract'
import { useApp } from '../../state/store'
import { client } from '../../state/client'
import { newConversation, openConversation } from '../../state/actions'
import { focusMemory } from '../../state/memory-actions'
import { revealMessage } from '../../state/thread-actions'
import { inform } from '../../state/notices'
import { formatRelative } from '../../lib/format'
import { Icon, type IconName } from '../icons'
import { Modal } from '../modal'
import { KIND_LABEL } from '../memory/memory-row'

interface Result {
  id: string
  group: 'Actions' | 'Conversations' | 'Memory' | 'Memory history' | 'Messages'
  icon: IconName
  title: string
  detail: string
  run: () => void | Promise<void>
}

const close = (): void => useApp.setState({ dialog: null })

/**
 * Search everything (Ctrl/Cmd+K): conversation titles and memory items match as you type; messages
 * and memory are searched by the runtime's index. Arrow keys move, Enter opens, Esc closes.
 */
export function SearchPalette() {
  const conversations = useApp((s) => s.conversations)
  const memory = useApp((s) => s.memory)
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<RetrievedMemory[]>([])
  const [searching, setSearching] = useState(false)
  const [active, setActive] = useState(0)
  const listId = useId()
  const asked = useRef(0)

  // Ask the runtime's index after a short pause in typing; an older answer never replaces a newer one.
  useEffect(() => {
    const q = query.trim()
    const ticket = ++asked.current
    if (q === '') {
      setFound([])
      setSearching(false)
      return
    }
    setSearching(true)
    const timer = setTimeout(() => {
      void client()
        .request('search.all', { query: q, limit: 12 })
        .then((r) => {
          if (ticket !== asked.current) return
          setSearching(false)
          setFound(r.ok ? r.value : [])
        })
    }, 120)
    return () => clearTimeout(timer)
  }, [query])

  const results = useMemo<Result[]>(() => {
    const q = query.trim().toLowerCase()
    const titleOf = (id: string | null): string =>
      conversations.find((c) => c.id === id)?.title ?? 'a conversation'
    if (q === '') {
      const recent = conversations.filter((c) => c.deletedAt === null).slice(0, 5)
      return [
        {
          id: 'new',
          group: 'Actions',
          icon: 'plus',
          title: 'New conversation',
          detail: '',
          run: () => void newConversation(),
        },
        {
          id: 'settings',
          group: 'Actions',
          icon: 'gear',
          title: 'Open Settings',
          detail: '',
          run: () => useApp.setState({ dialog: 'settings' }),
        },
        ...recent.map<Result>((c) => ({
          id: `c:${c.id}`,
          group: 'Conversations',
          icon: 'message',
          title: c.title,
          detail: formatRelative(c.updatedAt),
          run: () => openConversation(c.id),
        })),
      ]
    }
    const titles = conversations
      .filter((c) => c.deletedAt === null && c.title.toLowerCase().includes(q))
      .slice(0, 5)
      .map<Result>((c) => ({
        id: `c:${c.id}`,
        group: 'Conversations',
        icon: 'message',
        title: c.title,
        detail: `${c.messageCount} messages`,
        run: () => openConversation(c.id),
      }))
    const items = (memory?.items ?? [])
      .filter((v) => v.item.status === 'active' && v.item.text.toLowerCase().includes(q))
      .slice(0, 5)
    const seen = new Set(items.map((v) => v.item.id))
    const memoryResults = [
      ...items.map<Result>((v) => ({
        id: `m:${v.item.id}`,
        group: 'Memory',
        icon: 'bookmark',
        title: v.item.text,
        detail: KIND_LABEL[v.item.kind],
        run: () => focusMemory(v.item.id),
      })),
      ...found
        .filter((f) => f.kind === 'memory' && !seen.has(f.id))
        .map<Result>((f) => {
          // Old values are found too, and shown as what they are: history, never current.
          const status = memory?.items.find((v) => v.item.id === f.id)?.item.status
          return {
            id: `m:${f.id}`,
            group: status && status !== 'active' ? 'Memory history' : 'Memory',
            icon: 'bookmark',
            title: f.text,
            detail:
              status === 'superseded'
                ? 'History — replaced by a newer value'
                : status === 'retracted'
                  ? 'History — retracted'
                  : 'Memory',
            run: () => focusMemory(f.id),
          }
        }),
    ]
    // Current memory first; old values after it, in their own group.
    memoryResults.sort(
      (a, b) => Number(a.group === 'Memory history') - Number(b.group === 'Memory history'),
    )
    const messages = found
      .filter((f) => f.kind === 'message' && f.conversationId !== null)
      .map<Result>((f) => ({
        id: `t:${f.id}`,
        group: 'Messages',
        icon: 'message',
        title: f.text,
        detail: `in ${titleOf(f.conversationId)}${f.createdAt ? ` · ${formatRelative(f.createdAt)}` : ''}`,
        run: async () => {
          const ok = await revealMessage(f.conversationId ?? '', f.id, f.createdAt)
          if (!ok)
            inform(
              'That message could not be found any more — it may be in a conversation in Trash.',
            )
        },
      }))
    return [...titles, ...memoryResults, ...messages]
  }, [query, conversations, memory, found])

  useEffect(() => setActive(0), [results.length, query])

  const choose = (r: Result | undefined): void => {
    if (!r) return
    close()
    void r.run()
  }
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      setActive((i) => Math.min(results.length - 1, i + 1))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((i) => Math.max(0, i - 1))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      choose(results[active])
    }
  }
  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' })
  }, [active, listId])

  const groups: { name: Result['group']; items: { r: Result; i: number }[] }[] = []
  results.forEach((r, i) => {
    const last = groups[groups.length - 1]
    if (last?.name === r.group) last.items.push({ r, i })
    else groups.push({ name: r.group, items: [{ r, i }] })
  })

  return (
    <Modal title="Search everything" onClose={close} className="palette" hideTitle>
      <div className="palette-input">
        <Icon name="search" size={18} />
        <input
          role="combobox"
          aria-label="Search everything"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-activedescendant={results.length > 0 ? `${listId}-${active}` : undefined}
          aria-autocomplete="list"
          placeholder="Search conversations, memory and messages…"
          value={query}
          // The palette exists to be typed into.
          autoFocus
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKey}
        />
        <kbd>Esc</kbd>
      </div>
      <div id={listId} role="listbox" aria-label="Results" className="palette-results">
        {groups.map((g) => (
          <div key={g.name} role="group" aria-labelledby={`${listId}-${g.name}`}>
            <div id={`${listId}-${g.name}`} className="palette-group">
              {g.name}
            </div>
            {g.items.map(({ r, i }) => (
              <div
                key={r.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'palette-option active' : 'palette-option'}
                onMouseMove={() => setActive(i)}
                onClick={() => choose(r)}
              >
                <Icon name={r.icon} />
                <span className="option-title">{r.title}</span>
                {r.detail && <span className="option-detail">{r.detail}</span>}
              </div>
            ))}
          </div>
        ))}
      </div>
      {query.trim() !== '' && results.length === 0 && (
        <p className="palette-empty" role="status">
          {searching ? 'Searching…' : `Nothing found for “${query.trim()}”.`}
        </p>
      )}
    </Modal>
  )
}
