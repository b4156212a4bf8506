import { useApp } from '../state/store'
import type { MemoryItemView } from '../../../shared/contract'

const KIND_LABEL = { preference: 'Preference', fact: 'Fact', task: 'Task', issue: 'Issue' } as const
const date = (iso: string): string => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' })

/** What the assistant remembers: current preferences, facts, tasks and issues. */
export function MemoryPanel() {
  const memory = useApp((s) => s.memory)
  const current = (memory?.items ?? []).filter((v) => v.item.status === 'active')
  return (
    <aside className="memory" role="region" aria-label="Memory">
      <h2>Memory</h2>
      {memory && memory.quarantineCount > 0 && (
        <p className="warning" role="status">
          {memory.quarantineCount} record{memory.quarantineCount === 1 ? '' : 's'} could not be read
        </p>
      )}
      {current.length === 0 ? (
        <p className="empty">Nothing remembered yet.</p>
      ) : (
        <ul className="memory-list">
          {current.map((v) => (
            <MemoryRow key={v.item.id} view={v} />
          ))}
        </ul>
      )}
    </aside>
  )
}

function MemoryRow({ view }: { view: MemoryItemView }) {
  const { item } = view
  return (
    <li className="memory-item">
      <span className={`kind kind-${item.kind}`}>{KIND_LABEL[item.kind]}</span>
      <span className="memory-text">{item.text}</span>
      <span className="memory-meta">
        Confirmed {date(item.confirmedAt)}
        {view.freshness === 'needs-reverify' && <span className="badge stale">Needs re-verify</span>}
      </span>
    </li>
  )
}
