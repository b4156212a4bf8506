import type { Settings, Strategy } from '../../../../shared/contract'
import {
  MAX_FRESHNESS_HOURS,
  modelKey,
  type FreshnessPolicy,
} from '../../../../shared/contract/settings'
import { saveSettingsField, updateSettings } from '../../state/settings-actions'
import { useSettingsLimits } from './use-settings-limits'
import { STRATEGIES } from '../../lib/strategies'
import { formatCount } from '../../lib/format'
import { NumberSetting } from './number-setting'

const ORDER: Strategy[] = ['selective', 'log', 'full']

const FRESHNESS: { kind: keyof FreshnessPolicy; label: string }[] = [
  { kind: 'preference', label: 'Preferences stay fresh for' },
  { kind: 'fact', label: 'Facts stay fresh for' },
  { kind: 'task', label: 'Tasks stay fresh for' },
  { kind: 'issue', label: 'Issues stay fresh for' },
]

const days = (hours: number): number => Math.round((hours / 24) * 100) / 100

/** How a conversation comes back: the restore strategy, the context window, and freshness. */
export function MemorySection({ settings }: { settings: Settings }) {
  const limits = useSettingsLimits(settings.replyReserve)
  const budget = settings.contextWindow - settings.replyReserve
  const provider = settings.provider
  const learned =
    provider.kind === 'offline'
      ? null
      : (settings.models[modelKey(provider)]?.learnedWindow ?? null)
  return (
    <>
      <section className="settings-section" aria-labelledby="settings-restore">
        <h3 id="settings-restore">Restore strategy</h3>
        <p className="hint">What goes back into the prompt when a conversation continues.</p>
        <div className="choice-list" role="radiogroup" aria-label="Restore strategy">
          {ORDER.map((s) => (
            <label
              key={s}
              className={settings.strategy === s ? 'choice-row selected' : 'choice-row'}
            >
              <input
                type="radio"
                name="strategy"
                value={s}
                checked={settings.strategy === s}
                aria-label={STRATEGIES[s].label}
                aria-describedby={`strategy-${s}`}
                onChange={() => void updateSettings({ strategy: s })}
              />
              <span className="choice-label">{STRATEGIES[s].label}</span>
              <span className="choice-detail" id={`strategy-${s}`}>
                {STRATEGIES[s].explanation}
              </span>
            </label>
          ))}
        </div>
      </section>

      <section className="settings-section" aria-labelledby="settings-window">
        <h3 id="settings-window">Context window</h3>
        <NumberSetting
          label="Model context window"
          value={settings.contextWindow}
          unit="tokens"
          min={limits?.minContextWindow ?? 1024}
          step={1024}
          integer
          onCommit={(v) => saveSettingsField({ contextWindow: v })}
        />
        <p className="hint">
          {formatCount(settings.replyReserve)} tokens are kept for the reply, so prompts get up to{' '}
          {formatCount(Math.max(0, budget))} tokens. Use the window of the model you run: 8k for a
          small local model, far more for a cloud one.
        </p>
        {provider.kind !== 'offline' && learned !== null && learned < settings.contextWindow && (
          <p className="hint">
            The server refused a longer prompt for {provider.model}, so its prompts stay within{' '}
            {formatCount(Math.max(0, learned - settings.replyReserve))} tokens until Test connection
            finds a different context.
          </p>
        )}
      </section>

      <section className="settings-section" aria-labelledby="settings-freshness">
        <h3 id="settings-freshness">Freshness</h3>
        <p className="hint">
          After this long without being confirmed, an item is marked “Needs re-verify” and the
          assistant asks before relying on it.
        </p>
        <div className="freshness-grid">
          {FRESHNESS.map((f) => (
            <NumberSetting
              key={f.kind}
              label={f.label}
              value={days(settings.freshness[f.kind])}
              unit="days"
              min={0.01}
              max={(limits?.maxFreshnessHours ?? MAX_FRESHNESS_HOURS) / 24}
              step="any"
              onCommit={(v) =>
                saveSettingsField({ freshness: { ...settings.freshness, [f.kind]: v * 24 } })
              }
            />
          ))}
        </div>
      </section>
    </>
  )
}
