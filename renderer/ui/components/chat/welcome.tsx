import { useEffect, useId, useRef, useState } from 'react'
import type { ProviderSettings } from '../../../../shared/contract'
import { electronApi } from '../../client/connect'
import { client } from '../../state/client'
import { updateSettings } from '../../state/settings-actions'
import { useApp } from '../../state/store'
import { humanize } from '../../lib/human-error'
import { Icon } from '../icons'

const SUGGESTIONS = [
  'I work at Acme Corp and live in Berlin',
  "I can't eat gluten",
  'Remind me to renew my passport by Friday',
  "What's due this week?",
]

let nonce = 0

type ModelProvider = Exclude<ProviderSettings, { kind: 'offline' }>
type Reach = { state: 'checking' } | { state: 'ok' } | { state: 'failed'; why: string }

const modelName = (p: ModelProvider): string =>
  p.kind === 'anthropic' ? `${p.model} (Anthropic)` : `${p.model} at ${p.baseUrl}`

/** Whether the chosen model answers right now, asked once per provider the card shows. */
function useReach(provider: ModelProvider | null): Reach {
  const [reach, setReach] = useState<Reach>({ state: 'checking' })
  // Compared by value: new settings with the same model ask nothing again.
  const key = provider ? JSON.stringify(provider) : ''
  const latest = useRef(provider)
  latest.current = provider
  useEffect(() => {
    const provider = latest.current
    if (!provider) return
    let live = true
    setReach({ state: 'checking' })
    void client()
      .request('provider.test', { provider, remember: false })
      .then((r) => {
        if (!live) return
        if (!r.ok) return setReach({ state: 'failed', why: humanize(r.error).message })
        const listed = r.value.probe?.listed ?? r.value.models.includes(provider.model)
        setReach(
          listed || r.value.models.length === 0
            ? { state: 'ok' }
            : { state: 'failed', why: `The server does not list “${provider.model}”.` },
        )
      })
    return () => {
      live = false
    }
  }, [key])
  return reach
}

/**
 * First run, shown in an empty conversation until "Got it": what Keepsake remembers, where it keeps
 * it, and which assistant answers — checked, so it never calls an unreachable model ready.
 */
export function Welcome() {
  const titleId = useId()
  const where = electronApi() ? 'in Keepsake’s app data' : 'in this browser profile'
  const provider = useApp((s) => s.settings?.provider ?? null)
  const model = provider === null || provider.kind === 'offline' ? null : provider
  const reach = useReach(model)
  const ready =
    model === null
      ? 'With no model, the built-in assistant reads plain English statements about you, your work and your plans, files them in Memory and answers direct questions from it — and tells you what it saved. For anything else, choose a model in Settings.'
      : reach.state === 'checking'
        ? `Checking ${modelName(model)}…`
        : reach.state === 'ok'
          ? `Replies come from ${modelName(model)}.`
          : `${modelName(model)} can’t answer right now: ${reach.why} Replies will fail until it can — start the server or fix Settings, or switch to the offline assistant. What you tell Keepsake is still saved to Memory.`
  const tone = model === null || reach.state === 'ok' ? '' : reach.state
  return (
    <section className="welcome" aria-labelledby={titleId}>
      <div className="welcome-mark" aria-hidden="true">
        <Icon name="bookmark" size={20} />
      </div>
      <div className="welcome-text">
        <h2 id={titleId}>Welcome to Keepsake</h2>
        <p>
          Keepsake remembers what you tell it — your preferences, facts, what you are working on and
          what is still unresolved — so you never have to say it twice. Everything is stored on this
          device, {where}; nothing leaves it unless you turn on sync.
        </p>
        <p className={tone ? `welcome-ready ${tone}` : 'welcome-ready'} role="status">
          <span className="dot" aria-hidden="true" />
          <span>{ready}</span>
        </p>
        <div className="suggestions">
          {SUGGESTIONS.map((text) => (
            <button
              key={text}
              type="button"
              className="chip"
              onClick={() =>
                useApp.setState((s) => ({
                  composerSeed: { conversationId: s.activeId, text, nonce: ++nonce },
                }))
              }
            >
              {text}
            </button>
          ))}
        </div>
      </div>
      <button
        type="button"
        className="primary-button"
        onClick={() => void updateSettings({ welcomed: true })}
      >
        Got it
      </button>
    </section>
  )
}
