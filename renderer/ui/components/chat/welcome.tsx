import { useId } from 'react'
import { electronApi } from '../../client/connect'
import { updateSettings } from '../../state/settings-actions'
import { useApp } from '../../state/store'
import { Icon } from '../icons'

const SUGGESTIONS = [
  'I work at Acme Corp and live in Berlin',
  "I can't eat gluten",
  'Remind me to renew my passport by Friday',
  "What's due this week?",
]

let nonce = 0

/** First run: what Keepsake remembers, where it keeps it, and which assistant answers. */
export function Welcome() {
  const titleId = useId()
  const where = electronApi() ? 'in Keepsake’s app data' : 'in this browser profile'
  const provider = useApp((s) => s.settings?.provider ?? null)
  const ready =
    provider === null || provider.kind === 'offline'
      ? 'With no model, the built-in assistant reads plain English statements about you, your work and your plans, files them in Memory and answers direct questions from it — and tells you what it saved. For anything else, choose a model in Settings.'
      : provider.kind === 'anthropic'
        ? `Replies come from ${provider.model} (Anthropic).`
        : `Replies come from ${provider.model} at ${provider.baseUrl}.`
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
        <p className="welcome-ready">
          <span className="dot" aria-hidden="true" />
          {ready}
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
