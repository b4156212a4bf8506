import type { z } from 'zod'
import {
  ChatStreamEvent,
  HOST_API_HEADER,
  HOST_API_HEADER_VALUE,
  HostErrorBody,
  hostApiRoutes,
  hostResultSchema,
  secretPath,
  type ChatRequestInput,
  type HealthStatus,
  type HostApiRoutes,
  type HostRouteName,
  type ProviderModels,
  type ProviderTestRequest,
  type RelayAllowed,
  type RelayForgotten,
  type RelayStartRequest,
  type RelayStatus,
  type RelayUrl,
  type SecretName,
  type SecretPresence,
} from '../../../shared/contract/host-api'
import { err, type AppError, type Result } from '../../../shared/errors'
import { check } from '../../../shared/validation'
import { ndjsonLines } from './ndjson-lines'

/** The runtime's typed view of the host API. Expected failures are values; nothing here throws. */
export type HostClient = {
  /**
   * One model step as events. The last event is always exactly one `finish` or `error` (a refused
   * request, an unreachable host, a bad line, a cut-off stream or an abort all end in `error`).
   */
  streamChat(request: ChatRequestInput, signal?: AbortSignal): AsyncIterable<ChatStreamEvent>
  testProvider(request: ProviderTestRequest): Promise<Result<ProviderModels>>
  /** Whether a key is saved; the host never gives the value back. */
  secretPresent(name: SecretName): Promise<Result<SecretPresence>>
  setSecret(name: SecretName, value: string): Promise<Result<null>>
  deleteSecret(name: SecretName): Promise<Result<null>>
  relayStart(options: RelayStartRequest): Promise<Result<RelayUrl>>
  relayStop(): Promise<Result<null>>
  relayStatus(): Promise<Result<RelayStatus>>
  /** Lets the runtime reach a relay (its origin joins the CSP); `added`: reload to take it. */
  allowRelay(relayUrl: string): Promise<Result<RelayAllowed>>
  /** The profile no longer syncs with this relay: its origin leaves the CSP (from the next load). */
  forgetRelay(relayUrl: string): Promise<Result<RelayForgotten>>
  health(): Promise<Result<HealthStatus>>
}

type RouteValue<K extends HostRouteName> = z.output<HostApiRoutes[K]['output']>

/**
 * A client of the host API at `baseUrl` ('' for the page's own origin, as both hosts serve the API
 * beside the runtime). Uses only `fetch` and web streams, so it runs in a worker.
 * @example const host = createHostClient(); const models = await host.testProvider({ provider })
 */
export function createHostClient(baseUrl = '', fetchImpl: typeof fetch = fetch): HostClient {
  // Called as a plain function: some browsers refuse `fetch` invoked as a method of another object.
  const doFetch = (path: string, init: RequestInit): Promise<Response> =>
    fetchImpl(`${baseUrl}${path}`, init)

  const send = async (
    name: HostRouteName,
    path: string,
    body: unknown,
    signal?: AbortSignal,
  ): Promise<Result<Response>> => {
    const { method } = hostApiRoutes[name]
    const headers: Record<string, string> = { [HOST_API_HEADER]: HOST_API_HEADER_VALUE }
    if (body !== undefined) headers['content-type'] = 'application/json'
    try {
      const response = await doFetch(path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal === undefined ? {} : { signal }),
      })
      return { ok: true, value: response }
    } catch (cause) {
      return { ok: false, error: fetchFailure(cause, signal) }
    }
  }

  const call = async <K extends HostRouteName>(
    name: K,
    path: string,
    body?: unknown,
  ): Promise<Result<RouteValue<K>>> => {
    const sent = await send(name, path, body)
    if (!sent.ok) return sent
    const json = await readJson(sent.value)
    if (!json.ok) return json
    const checked = check(hostResultSchema(name), json.value)
    if (!checked.ok) {
      return err(
        'validation',
        `The host's answer to ${path} is malformed: ${checked.error.message}`,
      )
    }
    return checked.value as Result<RouteValue<K>>
  }

  async function* streamChat(
    request: ChatRequestInput,
    signal?: AbortSignal,
  ): AsyncGenerator<ChatStreamEvent> {
    const sent = await send('chat', hostApiRoutes.chat.path, request, signal)
    if (!sent.ok) {
      yield { type: 'error', error: sent.error }
      return
    }
    const response = sent.value
    if (!response.ok || response.body === null) {
      yield { type: 'error', error: await errorOf(response) }
      return
    }
    try {
      for await (const line of ndjsonLines(response.body)) {
        const event = parseEvent(line)
        yield event
        if (event.type === 'finish' || event.type === 'error') return
      }
    } catch (cause) {
      yield { type: 'error', error: streamFailure(cause, signal) }
      return
    }
    yield {
      type: 'error',
      error: {
        code: 'provider-error',
        message: 'The chat stream ended before the model finished.',
      },
    }
  }

  return {
    streamChat,
    testProvider: (request) => call('providerTest', hostApiRoutes.providerTest.path, request),
    secretPresent: (name) => call('secretGet', secretPath(name)),
    setSecret: (name, value) => call('secretPut', secretPath(name), { value }),
    deleteSecret: (name) => call('secretDelete', secretPath(name)),
    relayStart: (options) => call('relayStart', hostApiRoutes.relayStart.path, options),
    relayStop: () => call('relayStop', hostApiRoutes.relayStop.path),
    relayStatus: () => call('relayStatus', hostApiRoutes.relayStatus.path),
    allowRelay: (relayUrl) => call('relayAllow', hostApiRoutes.relayAllow.path, { relayUrl }),
    forgetRelay: (relayUrl) => call('relayForget', hostApiRoutes.relayForget.path, { relayUrl }),
    health: () => call('health', hostApiRoutes.health.path),
  }
}

function parseEvent(line: string): ChatStreamEvent {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch {
    return { type: 'error', error: badLine('it is not JSON') }
  }
  const event = check(ChatStreamEvent, json)
  return event.ok ? event.value : { type: 'error', error: badLine(event.error.message) }
}

function badLine(reason: string): AppError {
  return { code: 'validation', message: `The host sent a malformed chat event (${reason}).` }
}

async function readJson(response: Response): Promise<Result<unknown>> {
  const text = await response.text().catch(() => null)
  if (text === null) {
    return err('host-unavailable', "The connection to Keepsake's host broke off.")
  }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return err('validation', `The host answered HTTP ${response.status} without JSON.`)
  }
}

async function errorOf(response: Response): Promise<AppError> {
  const json = await readJson(response)
  if (!json.ok) return json.error
  const body = HostErrorBody.safeParse(json.value)
  if (body.success) return body.data.error
  return { code: 'validation', message: `The host answered HTTP ${response.status} unexpectedly.` }
}

function fetchFailure(cause: unknown, signal: AbortSignal | undefined): AppError {
  if (signal?.aborted) return { code: 'cancelled', message: 'The request was cancelled.' }
  const reason = cause instanceof Error ? cause.message : String(cause)
  return { code: 'host-unavailable', message: `Could not reach Keepsake's host (${reason}).` }
}

function streamFailure(cause: unknown, signal: AbortSignal | undefined): AppError {
  if (signal?.aborted) return { code: 'cancelled', message: 'The reply was cancelled.' }
  const reason = cause instanceof Error ? cause.message : String(cause)
  return {
    code: 'host-unavailable',
    message: `The connection to Keepsake's host dropped mid-reply (${reason}).`,
  }
}
