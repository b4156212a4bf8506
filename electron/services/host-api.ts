import {
  ChatRequest,
  ProviderTestRequest,
  RelayAllowRequest,
  RelayStartRequest,
  SecretName,
  SecretValue,
  type HostRouteName,
} from '../../shared/contract/host-api'
import { err, ok, type Result } from '../../shared/errors'
import { check } from '../../shared/validation'
import { streamChat } from './chat-stream'
import { errorResponse, resultResponse } from './http-result'
import { listProviderModels } from './provider-models'
import { resolveProvider } from './provider-target'
import { readJsonBody } from './read-json-body'
import { matchRoute } from './route-match'
import type { RelayAllowList } from './relay-allow-list'
import type { RelayControl } from './relay-control'
import { guardRequest, type RequestPolicy } from './request-guard'
import type { SecretStore } from './secret-store'

/** What the host API needs from its host. */
export type HostApiDeps = {
  secrets: SecretStore
  /** Null where this host cannot run a relay; the relay routes then answer 501. */
  relay: RelayControl | null
  /** The relays the app's CSP lets the runtime reach; pairing and joining add to it. */
  relays: RelayAllowList
  /** Used for every provider call; defaults to the global `fetch`. */
  fetch?: typeof fetch
  now?: () => Date
}

/** Who may call, and how much they may send. */
export type HostApiOptions = RequestPolicy & {
  /** Largest `/api/chat` body; a full-history prompt for a large window is several megabytes. */
  maxChatBodyBytes?: number
  /** Largest body of every other route. */
  maxBodyBytes?: number
}

/** The host API: answers requests under `/api/`, and null for every other path. */
export type HostApi = (request: Request) => Promise<Response | null>

const DEFAULT_MAX_CHAT_BODY = 32 * 1024 * 1024
const DEFAULT_MAX_BODY = 64 * 1024
const PROVIDER_TEST_TIMEOUT_MS = 10_000

/**
 * Builds the handler both hosts mount: the browser host from its loopback server, Electron from
 * `protocol.handle('keepsake', …)`. Every answer is JSON `{ ok, value | error }` with a matching
 * status, except a successful `/api/chat`, which streams NDJSON. API keys are read from
 * `deps.secrets` when calling a provider and never appear in an answer.
 */
export function createHostApi(deps: HostApiDeps, options: HostApiOptions): HostApi {
  const fetchImpl: typeof fetch = deps.fetch ?? ((input, init) => fetch(input, init))
  const now = deps.now ?? (() => new Date())
  const maxChat = options.maxChatBodyBytes ?? DEFAULT_MAX_CHAT_BODY
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY

  const handlers: Record<HostRouteName, (request: Request, param: string) => Promise<Response>> = {
    health: async () => resultResponse(ok({ time: now().toISOString() })),

    chat: async (request) => {
      const input = await readJsonBody(request, ChatRequest, maxChat)
      if (!input.ok) return errorResponse(input.error)
      const target = await resolveProvider(input.value.provider, deps.secrets, fetchImpl)
      if (!target.ok) return errorResponse(target.error)
      return streamChat(target.value, input.value, fetchImpl)
    },

    providerTest: async (request) => {
      const input = await readJsonBody(request, ProviderTestRequest, maxBody)
      if (!input.ok) return errorResponse(input.error)
      const target = await resolveProvider(input.value.provider, deps.secrets, fetchImpl)
      if (!target.ok) return errorResponse(target.error)
      const timeoutMs = input.value.timeoutMs ?? PROVIDER_TEST_TIMEOUT_MS
      return resultResponse(await listProviderModels(target.value, fetchImpl, timeoutMs))
    },

    secretGet: async (_request, param) => {
      const name = secretName(param)
      if (!name.ok) return errorResponse(name.error)
      const stored = await deps.secrets.get(name.value)
      if (!stored.ok) return errorResponse(stored.error)
      return resultResponse(ok({ present: stored.value !== null && stored.value !== '' }))
    },

    secretPut: async (request, param) => {
      const name = secretName(param)
      if (!name.ok) return errorResponse(name.error)
      const input = await readJsonBody(request, SecretValue, maxBody)
      if (!input.ok) return errorResponse(input.error)
      return resultResponse(await deps.secrets.set(name.value, input.value.value))
    },

    secretDelete: async (_request, param) => {
      const name = secretName(param)
      if (!name.ok) return errorResponse(name.error)
      return resultResponse(await deps.secrets.delete(name.value))
    },

    relayStart: async (request) => {
      if (deps.relay === null) return noRelay()
      const input = await readJsonBody(request, RelayStartRequest, maxBody)
      if (!input.ok) return errorResponse(input.error)
      const { lan, port } = input.value
      return resultResponse(await deps.relay.start(port === undefined ? { lan } : { lan, port }))
    },

    relayStop: async () => {
      if (deps.relay === null) return noRelay()
      return resultResponse(await deps.relay.stop())
    },

    relayStatus: async () => {
      if (deps.relay === null) return noRelay()
      return resultResponse(ok(deps.relay.status()))
    },

    relayAllow: async (request) => {
      const input = await readJsonBody(request, RelayAllowRequest, maxBody)
      if (!input.ok) return errorResponse(input.error)
      return resultResponse(await deps.relays.allow(input.value.relayUrl))
    },

    relayForget: async (request) => {
      const input = await readJsonBody(request, RelayAllowRequest, maxBody)
      if (!input.ok) return errorResponse(input.error)
      return resultResponse(await deps.relays.forget(input.value.relayUrl))
    },
  }

  return async (request) => {
    const url = new URL(request.url)
    if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) return null
    const allowed = guardRequest(request, options)
    if (!allowed.ok) return errorResponse(allowed.error, 403)
    const match = matchRoute(request.method, url.pathname)
    if (!match.ok) return errorResponse(match.error, match.status)
    try {
      return await handlers[match.name](request, match.param)
    } catch (error) {
      // A throw here is a bug; the caller gets a plain message, the log keeps the stack.
      console.error('host API', request.method, url.pathname, error)
      return errorResponse({ code: 'internal', message: 'The host failed unexpectedly.' })
    }
  }
}

function secretName(param: string): Result<SecretName> {
  let decoded: string
  try {
    decoded = decodeURIComponent(param)
  } catch {
    return err('validation', 'The secret name is not valid.', 'name')
  }
  return check(SecretName, decoded, 'name')
}

function noRelay(): Response {
  return errorResponse({ code: 'not-found', message: 'This host cannot run a sync relay.' }, 501)
}
