import { ok } from '../../../shared/errors'
import { HostErrorBody, ChatStreamEvent } from '../../../shared/contract/host-api'
import {
  createHostApi,
  type HostApi,
  type HostApiDeps,
  type HostApiOptions,
} from '../../../electron/services/host-api'
import type { Capability } from '../../../electron/services/capability'
import { loopbackPolicy } from '../../../electron/services/request-guard'
import type { SecretStore } from '../../../electron/services/secret-store'
import type { RelayAllowList } from '../../../electron/services/relay-allow-list'
import { relayOriginOf } from '../../../electron/services/relay-origin'

/** The port the test requests pretend to reach; nothing listens on it. */
export const TEST_PORT = 4870
export const TEST_ORIGIN = `http://127.0.0.1:${TEST_PORT}`
/** The capability of the pretend host; `apiRequest` carries its cookie, as the app page would. */
export const TEST_CAPABILITY: Capability = {
  cookieName: `keepsake-capability-${TEST_PORT}`,
  token: 't'.repeat(43),
}

/** A SecretStore in memory, exposing its map so tests can look inside. */
export function memorySecrets(initial: Record<string, string> = {}): SecretStore & {
  values: Map<string, string>
} {
  const values = new Map(Object.entries(initial))
  return {
    values,
    get: async (name) => ok(values.get(name) ?? null),
    set: async (name, value) => {
      values.set(name, value)
      return ok(undefined)
    },
    delete: async (name) => {
      values.delete(name)
      return ok(undefined)
    },
  }
}

/** A relay allow-list in memory (the file-backed one has its own tests). */
export function memoryRelays(): RelayAllowList {
  const origins: string[] = []
  return {
    origins: () => origins,
    allow: async (relayUrl) => {
      const origin = relayOriginOf(relayUrl)
      if (!origin.ok) return origin
      if (origins.includes(origin.value)) return ok({ added: false })
      origins.push(origin.value)
      return ok({ added: true })
    },
    forget: async (relayUrl) => {
      const origin = relayOriginOf(relayUrl)
      if (!origin.ok) return origin
      const at = origins.indexOf(origin.value)
      if (at < 0) return ok({ removed: false })
      origins.splice(at, 1)
      return ok({ removed: true })
    },
  }
}

/** A host API as the browser host on TEST_PORT would mount it. */
export function testApi(
  deps: Partial<HostApiDeps> = {},
  limits: Omit<HostApiOptions, 'allowedOrigins' | 'allowedHosts' | 'capability'> = {},
): HostApi {
  return createHostApi(
    {
      secrets: deps.secrets ?? memorySecrets(),
      relay: deps.relay ?? null,
      relays: deps.relays ?? memoryRelays(),
      ...deps,
    },
    { ...loopbackPolicy(TEST_PORT, TEST_CAPABILITY), ...limits },
  )
}

/** A request the runtime page would send: right Host, right Origin, the custom header. */
export function apiRequest(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Request {
  return new Request(`${TEST_ORIGIN}${path}`, {
    method,
    headers: {
      host: `127.0.0.1:${TEST_PORT}`,
      origin: TEST_ORIGIN,
      'x-keepsake': '1',
      cookie: `${TEST_CAPABILITY.cookieName}=${TEST_CAPABILITY.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

/** Calls the API and fails the test if it did not claim the path. */
export async function call(api: HostApi, request: Request): Promise<Response> {
  const response = await api(request)
  if (response === null) throw new Error(`host API ignored ${request.url}`)
  return response
}

/** Every NDJSON event of a chat answer, validated. */
export async function readEvents(response: Response): Promise<ChatStreamEvent[]> {
  const text = await response.text()
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => ChatStreamEvent.parse(JSON.parse(line)))
}

/** The AppError of a JSON error answer. */
export async function readError(response: Response) {
  return HostErrorBody.parse(await response.json()).error
}

/** A chat request body for an OpenAI-compatible server at `baseUrl`. */
export function chatBody(baseUrl: string, extra: Record<string, unknown> = {}) {
  return {
    provider: { kind: 'openai-compatible', baseUrl, model: 'fake-model' },
    system: 'You are Keepsake.',
    messages: [{ role: 'user', content: 'Hello' }],
    ...extra,
  }
}
