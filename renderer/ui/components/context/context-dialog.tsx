import { useEffect, useState } from 'react'
import type { ContextRecord } from '../../../../shared/contract'
import { client } from '../../state/client'
import { useApp } from '../../state/store'
import { humanize, type HumanError } from '../../lib/human-error'
import { formatCount, formatFull } from '../../lib/format'
import { STRATEGIES } from '../../lib/strategies'
import { Modal } from '../modal'

type Loaded = { ok: true; record: ContextRecord } | { ok: false; error: HumanError }

const SECTION_LABEL: Record<string, string> = {
  instructions: 'Instructions',
  state: 'What Keepsake remembers',
  unverified: 'Needs re-verify',
  retrieved: 'Found by search',
  recent: 'Recent messages',
  history: 'Whole conversation',
  message: 'Your message',
  tools: 'Tools',
}
const sectionLabel = (name: string): string =>
  SECTION_LABEL[name] ?? name.charAt(0).toUpperCase() + name.slice(1)

const providerLabel = (p: string): string =>
  p === 'offline'
    ? 'Offline assistant'
    : p
        .replace(/^openai-compatible:/, 'OpenAI-compatible · ')
        .replace(/^anthropic:/, 'Anthropic · ')

/** "What the assistant saw": the strategy, each prompt section with its tokens, what retrieval found. */
export function ContextDialog() {
  const replyId = useApp((s) => s.contextReplyId)
  const close = (): void => useApp.setState({ dialog: null, contextReplyId: null })
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  useEffect(() => {
    if (!replyId) return
    let live = true
    void client()
      .request('chat.context', { replyId })
      .then((r) => {
        if (live)
          setLoaded(r.ok ? { ok: true, record: r.value } : { ok: false, error: humanize(r.error) })
      })
    return () => {
      live = false
    }
  }, [replyId])
  return (
    <Modal title="What the assistant saw" onClose={close} className="context-dialog">
      {loaded === null ? (
        <p className="hint">Loading…</p>
      ) : loaded.ok ? (
        <ContextView record={loaded.record} />
      ) : (
        <p className="empty-note">
          {loaded.error.message} This reply failed before a prompt was put together, so there is
          nothing to show.
        </p>
      )}
    </Modal>
  )
}

function ContextView({ record }: { record: ContextRecord }) {
  const share = record.budget > 0 ? Math.min(1, record.total / record.budget) : 0
  const strategy = STRATEGIES[record.strategy]
  return (
    <div className="context">
      <dl className="context-summary">
        <div>
          <dt>Strategy</dt>
          <dd>{strategy.label}</dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd>{providerLabel(record.provider)}</dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd>
            {formatCount(record.total)} of {formatCount(record.budget)} budget
          </dd>
        </div>
      </dl>
      <p className="hint">{strategy.explanation}</p>
      <div
        className={share > 0.9 ? 'budget-bar full' : 'budget-bar'}
        role="meter"
        aria-label="Tokens used of the budget"
        aria-valuemin={0}
        aria-valuemax={record.budget}
        aria-valuenow={record.total}
        aria-valuetext={`${formatCount(record.total)} of ${formatCount(record.budget)} tokens`}
      >
        <span style={{ width: `${Math.max(1, share * 100)}%` }} />
      </div>

      <h3>Sections</h3>
      <ul className="context-sections">
        {record.sections.map((s, i) => (
          <li key={`${s.name}-${i}`}>
            <details>
              <summary>
                <span className="section-name">{sectionLabel(s.name)}</span>
                <span className="tokens">{formatCount(s.tokens)} tokens</span>
              </summary>
              <pre tabIndex={0}>{s.text || '(empty)'}</pre>
            </details>
          </li>
        ))}
      </ul>

      {record.reasoning !== undefined && record.reasoning !== '' && (
        <>
          <h3>The model’s reasoning</h3>
          <details className="reasoning">
            <summary>
              Shown only here: not saved in the conversation, never resent or searched
            </summary>
            <pre tabIndex={0}>{record.reasoning}</pre>
          </details>
        </>
      )}

      <h3>Retrieved memories</h3>
      {record.retrieved.length === 0 ? (
        <p className="hint">Nothing was retrieved for this turn.</p>
      ) : (
        <table className="retrieved">
          <thead>
            <tr>
              <th scope="col">Score</th>
              <th scope="col">From</th>
              <th scope="col">Text</th>
            </tr>
          </thead>
          <tbody>
            {record.retrieved.map((r) => (
              <tr key={`${r.kind}-${r.id}`}>
                <td className="score">{r.score.toFixed(2)}</td>
                <td>{r.kind === 'memory' ? 'Memory' : 'Message'}</td>
                <td>{r.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">Recorded {formatFull(record.createdAt)}.</p>
    </div>
  )
}
