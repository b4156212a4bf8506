import { useEffect, useId, useState } from 'react'
import { ProviderConnection, ProviderSettings, type Settings } from '../../../../shared/contract'
import {
  DEFAULT_OPENAI_COMPATIBLE_BASE_URL,
  type ModelProbe,
  type SecretName,
} from '../../../../shared/contract/host-api'
import { modelKey } from '../../../../shared/contract/settings'
import {
  deleteSecret,
  saveSecret,
  secretsStatus,
  testProvider,
  updateSettings,
  type SecretsStatus,
} from '../../state/settings-actions'
import { inform } from '../../state/notices'
import type { HumanError } from '../../lib/human-error'
import { Icon } from '../icons'

type Kind = ProviderSettings['kind']

const KINDS: { value: Kind; label: string; detail: string }[] = [
  {
    value: 'offline',
    label: 'Offline',
    detail: 'Built in. No model, no network — remembers and recalls.',
  },
  {
    value: 'openai-compatible',
    label: 'OpenAI-compatible',
    detail: 'Ollama, LM Studio, llama.cpp, vLLM or any OpenAI-style API.',
  },
  { value: 'anthropic', label: 'Anthropic', detail: 'Claude models with your Anthropic API key.' },
]

const SECRET: Record<
  Exclude<Kind, 'offline'>,
  { name: SecretName; status: keyof SecretsStatus }
> = {
  'openai-compatible': { name: 'openai-compatible.apiKey', status: 'openaiCompatible' },
  anthropic: { name: 'anthropic.apiKey', status: 'anthropic' },
}

/** The local servers people run, where each listens by default and how it lists its models. */
const PRESETS: { name: string; url: string; models: string }[] = [
  {
    name: 'Ollama',
    url: 'http://127.0.0.1:11434/v1',
    models: '`ollama list`; get one with `ollama pull llama3.2`',
  },
  {
    name: 'llama.cpp',
    url: 'http://127.0.0.1:8080/v1',
    models: 'the model `llama-server -m` loaded (start it with `--jinja` for tools)',
  },
  {
    name: 'LM Studio',
    url: 'http://127.0.0.1:1234/v1',
    models: 'the Developer tab or `lms ls`; start the server there or with `lms server start`',
  },
]

const SERVER_NAMES: Record<NonNullable<ModelProbe['server']>, string> = {
  ollama: 'Ollama',
  'llama.cpp': 'llama.cpp',
  'lm-studio': 'LM Studio',
}

type TestState =
  | { state: 'idle' }
  | { state: 'testing' }
  | { state: 'ok'; models: string[]; probe: ModelProbe | null; suggestedBaseUrl: string | null }
  | { state: 'error'; error: HumanError }

const describe = (p: ProviderSettings): string =>
  p.kind === 'offline'
    ? 'the offline assistant'
    : `${p.model} (${p.kind === 'anthropic' ? 'Anthropic' : p.baseUrl})`

/**
 * Which model answers: the offline assistant, an OpenAI-compatible server or Anthropic. The API key
 * is handed to the host and never shown again; the UI only knows whether one is saved.
 */
export function ProviderSection({ settings }: { settings: Settings }) {
  const saved = settings.provider
  const [kind, setKind] = useState<Kind>(saved.kind)
  const [baseUrl, setBaseUrl] = useState(
    saved.kind === 'openai-compatible' ? saved.baseUrl : DEFAULT_OPENAI_COMPATIBLE_BASE_URL,
  )
  const [openaiModel, setOpenaiModel] = useState(
    saved.kind === 'openai-compatible' ? saved.model : '',
  )
  const [anthropicModel, setAnthropicModel] = useState(
    saved.kind === 'anthropic' ? saved.model : '',
  )
  const [key, setKey] = useState('')
  const [secrets, setSecrets] = useState<SecretsStatus | null>(null)
  const [test, setTest] = useState<TestState>({ state: 'idle' })
  /** The model name is asked for only once the person has typed in its field, never up front. */
  const [modelTyped, setModelTyped] = useState(false)
  const ids = {
    url: useId(),
    model: useId(),
    key: useId(),
    models: useId(),
    status: useId(),
    presets: useId(),
  }

  useEffect(() => {
    let live = true
    void secretsStatus().then((s) => {
      if (live) setSecrets(s)
    })
    return () => {
      live = false
    }
  }, [])

  const fields =
    kind === 'offline'
      ? { kind }
      : kind === 'openai-compatible'
        ? { kind, baseUrl: baseUrl.trim(), model: openaiModel.trim() }
        : { kind, model: anthropicModel.trim() }
  const draft = ProviderSettings.safeParse(fields)
  // Test connection needs only the address: it lists the models to choose from.
  const connection = ProviderConnection.safeParse(fields)
  const noModel =
    kind !== 'offline' && (kind === 'anthropic' ? anthropicModel : openaiModel).trim() === ''
  const problem = !connection.success
    ? 'Enter a full address, like http://127.0.0.1:11434/v1.'
    : noModel && modelTyped
      ? 'Enter a model name.'
      : null
  const changed = draft.success && JSON.stringify(draft.data) !== JSON.stringify(saved)
  const secret = kind === 'offline' ? null : SECRET[kind]
  const hasKey = secret && secrets ? secrets[secret.status] : false

  /** A typed key is stored before it is used; the field is cleared once the host has it. */
  const storeTypedKey = async (): Promise<boolean> => {
    if (!secret || key.trim() === '') return true
    if (!(await saveSecret(secret.name, key.trim()))) return false
    setKey('')
    setSecrets((s) => (s ? { ...s, [secret.status]: true } : s))
    return true
  }
  const runTest = async (provider: ProviderConnection): Promise<void> => {
    setTest({ state: 'testing' })
    if (!(await storeTypedKey())) return setTest({ state: 'idle' })
    const r = await testProvider(provider)
    setTest(
      r.ok
        ? {
            state: 'ok',
            models: r.models,
            probe: r.probe ?? null,
            suggestedBaseUrl: r.suggestedBaseUrl ?? null,
          }
        : { state: 'error', error: r.error },
    )
  }
  /** Choosing a listed model fills the field and asks the server about that model. */
  const pick = (model: string): void => {
    if (kind === 'offline' || !connection.success || connection.data.kind === 'offline') return
    ;(kind === 'anthropic' ? setAnthropicModel : setOpenaiModel)(model)
    void runTest({ ...connection.data, model })
  }
  const save = async (): Promise<void> => {
    if (!draft.success || !(await storeTypedKey())) return
    if (await updateSettings({ provider: draft.data }))
      inform(`Replies now come from ${describe(draft.data)}.`)
  }
  const removeKey = async (): Promise<void> => {
    if (!secret) return
    if (await deleteSecret(secret.name))
      setSecrets((s) => (s ? { ...s, [secret.status]: false } : s))
  }
  const models = test.state === 'ok' ? test.models : []
  const preset = PRESETS.find((p) => p.url === baseUrl.trim().replace(/\/+$/, ''))
  const known =
    draft.success && draft.data.kind !== 'offline'
      ? (settings.models[modelKey(draft.data)] ?? null)
      : null

  return (
    <section className="settings-section" aria-labelledby="settings-provider">
      <h3 id="settings-provider">Model</h3>
      <p className="hint">
        Currently answering: <strong>{describe(saved)}</strong>
      </p>
      <div className="choice-cards" role="radiogroup" aria-label="Provider">
        {KINDS.map((k) => (
          <label
            key={k.value}
            className={kind === k.value ? 'choice-card selected' : 'choice-card'}
          >
            <input
              type="radio"
              name="provider"
              value={k.value}
              checked={kind === k.value}
              aria-label={k.label}
              aria-describedby={`provider-${k.value}-detail`}
              onChange={() => {
                setKind(k.value)
                setTest({ state: 'idle' })
              }}
            />
            <span className="choice-label">{k.label}</span>
            <span className="choice-detail" id={`provider-${k.value}-detail`}>
              {k.detail}
            </span>
          </label>
        ))}
      </div>

      {kind !== 'offline' && (
        <div className="field-grid">
          {kind === 'openai-compatible' && (
            <>
              <span className="field-label" id={ids.presets}>
                Server
              </span>
              <div className="preset-row" role="group" aria-labelledby={ids.presets}>
                {PRESETS.map((p) => (
                  <button
                    key={p.name}
                    type="button"
                    className={preset === p ? 'chip selected' : 'chip'}
                    aria-pressed={preset === p}
                    onClick={() => {
                      setBaseUrl(p.url)
                      setTest({ state: 'idle' })
                    }}
                  >
                    {p.name}
                  </button>
                ))}
                {preset && <span className="hint">Models: {preset.models}.</span>}
              </div>
              <label htmlFor={ids.url}>Base URL</label>
              <input
                id={ids.url}
                type="url"
                value={baseUrl}
                spellCheck={false}
                onChange={(e) => setBaseUrl(e.target.value)}
              />
            </>
          )}
          <label htmlFor={ids.model}>Model</label>
          <input
            id={ids.model}
            list={ids.models}
            value={kind === 'anthropic' ? anthropicModel : openaiModel}
            spellCheck={false}
            placeholder={
              kind === 'anthropic'
                ? 'A Claude model name'
                : 'e.g. llama3.2 — Test connection lists them'
            }
            onChange={(e) => {
              setModelTyped(true)
              ;(kind === 'anthropic' ? setAnthropicModel : setOpenaiModel)(e.target.value)
            }}
          />
          <datalist id={ids.models}>
            {models.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
          <label htmlFor={ids.key}>API key</label>
          <div className="key-field">
            <input
              id={ids.key}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={key}
              placeholder={
                hasKey
                  ? 'Type a new key to replace the saved one'
                  : kind === 'anthropic'
                    ? 'Required'
                    : 'Optional for local servers'
              }
              aria-describedby={ids.status}
              onChange={(e) => setKey(e.target.value)}
            />
            <span id={ids.status} className="key-status">
              <Icon name="key" size={13} />
              {secrets === null
                ? 'Checking…'
                : hasKey
                  ? 'A key is saved on this device'
                  : 'No key saved'}
            </span>
            {hasKey && (
              <button type="button" className="text-button small" onClick={() => void removeKey()}>
                Remove key
              </button>
            )}
          </div>
        </div>
      )}

      {problem && kind !== 'offline' && <p className="field-problem">{problem}</p>}
      {!problem && noModel && (
        <p className="hint">Choose a model: Test connection lists the ones this server has.</p>
      )}

      {(kind !== 'offline' || changed) && (
        <div className="settings-actions">
          {kind !== 'offline' && (
            <button
              type="button"
              className="ghost-button"
              disabled={!connection.success || test.state === 'testing'}
              onClick={() => {
                if (connection.success) void runTest(connection.data)
              }}
            >
              {test.state === 'testing' ? 'Testing…' : 'Test connection'}
            </button>
          )}
          <button
            type="button"
            className="primary-button"
            disabled={!changed}
            onClick={() => void save()}
          >
            Use this model
          </button>
        </div>
      )}
      <div role="status" className="test-result">
        {test.state === 'ok' && (
          <p className="ok-note">
            <Icon name="check" size={14} />
            Connected —{' '}
            {test.models.length === 0
              ? 'the server lists no models.'
              : `${test.models.length} ${test.models.length === 1 ? 'model' : 'models'} available: ${test.models.slice(0, 6).join(', ')}${test.models.length > 6 ? '…' : ''}`}
          </p>
        )}
        {test.state === 'ok' && test.suggestedBaseUrl !== null && (
          <p className="hint">
            Ollama answers here; replies come from its OpenAI-compatible address,{' '}
            {test.suggestedBaseUrl}.{' '}
            <button
              type="button"
              className="text-button small accent"
              onClick={() => setBaseUrl(test.suggestedBaseUrl ?? baseUrl)}
            >
              Use {test.suggestedBaseUrl}
            </button>
          </p>
        )}
        {test.state === 'ok' && test.models.length > 0 && (
          <ModelPicker
            models={test.models}
            chosen={kind === 'anthropic' ? anthropicModel.trim() : openaiModel.trim()}
            onPick={pick}
          />
        )}
        {test.state === 'ok' && test.probe && draft.success && draft.data.kind !== 'offline' && (
          <ProbeReport
            probe={test.probe}
            model={draft.data.model}
            contextWindow={settings.contextWindow}
          />
        )}
        {test.state !== 'ok' && known?.tools === false && (
          <p className="hint">
            This model does not accept tools: Keepsake answers with it without them and records what
            you tell it itself.
          </p>
        )}
        {test.state === 'error' && (
          <p className="error-note">
            <Icon name="alert" size={14} />
            {test.error.message} {test.error.next}
          </p>
        )}
      </div>
    </section>
  )
}

/** How many listed models are offered as buttons; the Model field's suggestions hold them all. */
const PICKABLE = 24

/** The server's models as buttons: one press chooses it and asks the server about it. */
function ModelPicker({
  models,
  chosen,
  onPick,
}: {
  models: string[]
  chosen: string
  onPick: (model: string) => void
}) {
  const shown = models.slice(0, PICKABLE)
  return (
    <div className="model-picker" role="group" aria-label="Models on this server">
      <span className="hint">{chosen === '' ? 'Choose one:' : 'Models on this server:'}</span>
      {shown.map((m) => (
        <button
          key={m}
          type="button"
          className={m === chosen ? 'chip selected' : 'chip'}
          aria-pressed={m === chosen}
          onClick={() => onPick(m)}
        >
          {m}
        </button>
      ))}
      {models.length > shown.length && (
        <span className="hint">
          and {models.length - shown.length} more — type in the Model field to find them.
        </span>
      )}
    </div>
  )
}

/** What Test connection found out about the chosen model, said plainly, with the window to use. */
function ProbeReport({
  probe,
  model,
  contextWindow,
}: {
  probe: ModelProbe
  model: string
  contextWindow: number
}) {
  const server = probe.server === null ? 'The server' : SERVER_NAMES[probe.server]
  const context = probe.contextWindow
  return (
    <div className="probe-report">
      {!probe.listed && (
        <p className="error-note">
          <Icon name="alert" size={14} />
          {server} does not list {model}. Check the name, or choose one of the models above.
        </p>
      )}
      {probe.listed && (
        <p className={probe.tools === false ? 'error-note' : 'hint'}>
          {probe.tools === true
            ? `${model} accepts tools: it records memory with them.`
            : probe.tools === false
              ? `${model} does not accept tools. Keepsake answers with it without them and records what you tell it itself.`
              : `${server} does not say whether ${model} accepts tools; the first reply finds out.`}
        </p>
      )}
      {context !== null && (
        <p className="hint">
          {server} runs {model} with a context of {context.toLocaleString('en-US')} tokens
          {probe.trainedContext !== null && probe.trainedContext > context
            ? ` (it was trained for ${probe.trainedContext.toLocaleString('en-US')})`
            : ''}
          .{' '}
          {context !== contextWindow && (
            <button
              type="button"
              className="text-button small accent"
              onClick={() => void updateSettings({ contextWindow: Math.max(1024, context) })}
            >
              Use {context.toLocaleString('en-US')} as the context window
            </button>
          )}
        </p>
      )}
      {context === null && probe.server === 'ollama' && (
        <p className="hint">
          Ollama does not say the context it runs {model} with (often 4,096 tokens unless num_ctx or
          OLLAMA_CONTEXT_LENGTH is set); keep the context window in Settings at or below it.
        </p>
      )}
    </div>
  )
}
