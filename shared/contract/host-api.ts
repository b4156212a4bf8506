import { z } from 'zod'
import { AppError, resultSchema } from '../errors'
import { ProviderConnection, ProviderSettings } from './settings'

/**
 * The one contract of the host API: the HTTP routes both hosts (the browser host's loopback server
 * and Electron's `keepsake://app`) serve to the runtime for privileged work. Every body and every
 * answer is written here; the host validates what it receives and the runtime what comes back.
 */

/** Header every non-GET call must carry; it forces a CORS preflight that the host never approves. */
export const HOST_API_HEADER = 'x-keepsake'
export const HOST_API_HEADER_VALUE = '1'

/** Default for `timeoutMs`: how long the host waits for the model's first byte, and between bytes. */
export const DEFAULT_PROVIDER_TIMEOUT_MS = 60_000

/** Where the OpenAI-compatible provider points by default (Ollama). */
export const DEFAULT_OPENAI_COMPATIBLE_BASE_URL = 'http://127.0.0.1:11434/v1'

/** Names of the secrets the host keeps; the runtime can ask whether one is set, never read it. */
export const SecretName = z.enum(['openai-compatible.apiKey', 'anthropic.apiKey'])
export type SecretName = z.infer<typeof SecretName>

const TimeoutMs = z.number().int().min(1).max(600_000)

/** Any JSON value: tool inputs and tool outputs. */
export const JsonValue = z.json()
export type JsonValue = z.infer<typeof JsonValue>

/** A tool the model may call. The runtime executes it; the host only describes it to the model. */
export const ChatTool = z.object({
  name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'letters, digits, _ or -, at most 64'),
  description: z.string(),
  /** JSON Schema of the tool's input; providers require an object schema. */
  inputSchema: z
    .record(z.string(), z.unknown())
    .refine((schema) => schema.type === 'object', 'must be a JSON Schema with "type": "object"'),
})
export type ChatTool = z.infer<typeof ChatTool>

export const ChatToolCall = z.object({
  toolCallId: z.string().min(1),
  toolName: z.string().min(1),
  input: JsonValue,
})
export type ChatToolCall = z.infer<typeof ChatToolCall>

/**
 * One message of the prompt. An assistant message may carry the tool calls it made; each `tool`
 * message answers one of them by `toolCallId`.
 */
export const ChatMessage = z.discriminatedUnion('role', [
  z.object({ role: z.literal('user'), content: z.string() }),
  z.object({
    role: z.literal('assistant'),
    content: z.string(),
    toolCalls: z.array(ChatToolCall).default([]),
  }),
  z.object({
    role: z.literal('tool'),
    toolCallId: z.string().min(1),
    toolName: z.string().min(1),
    output: JsonValue,
    /** Set when the tool failed; `output` then describes the failure to the model. */
    isError: z.boolean().default(false),
  }),
])
export type ChatMessage = z.infer<typeof ChatMessage>
export type ChatMessageInput = z.input<typeof ChatMessage>

/** `POST /api/chat`: one model step. Tools are never run by the host. */
export const ChatRequest = z.object({
  provider: ProviderSettings,
  system: z.string(),
  messages: z.array(ChatMessage).min(1),
  tools: z.array(ChatTool).default([]),
  /** First-byte and idle timeout; defaults to `DEFAULT_PROVIDER_TIMEOUT_MS`. */
  timeoutMs: TimeoutMs.optional(),
})
export type ChatRequest = z.infer<typeof ChatRequest>
export type ChatRequestInput = z.input<typeof ChatRequest>

export const ChatFinishReason = z.enum([
  'stop',
  'length',
  'content-filter',
  'tool-calls',
  'error',
  'other',
])
export type ChatFinishReason = z.infer<typeof ChatFinishReason>

const TokenCount = z.number().int().nonnegative()

export const ChatUsage = z.object({
  inputTokens: TokenCount.optional(),
  outputTokens: TokenCount.optional(),
  totalTokens: TokenCount.optional(),
})
export type ChatUsage = z.infer<typeof ChatUsage>

/**
 * One NDJSON line of the `/api/chat` answer. A stream ends with exactly one `finish` or `error`.
 * A step that called tools finishes with reason `tool-calls` after its `tool-call` events.
 */
export const ChatStreamEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), delta: z.string() }),
  /** What a reasoning model thinks before answering (`reasoning_content`); never part of the answer. */
  z.object({ type: z.literal('reasoning'), delta: z.string() }),
  z.object({ type: z.literal('tool-call'), ...ChatToolCall.shape }),
  z.object({ type: z.literal('finish'), reason: ChatFinishReason, usage: ChatUsage.optional() }),
  z.object({
    type: z.literal('error'),
    error: AppError,
    /** For `context-overflow`: the server's window and the refused prompt, in its tokens. */
    overflow: z
      .object({
        limit: z.number().int().positive().nullable(),
        promptTokens: z.number().int().positive().nullable(),
      })
      .optional(),
  }),
])
export type ChatStreamEvent = z.infer<typeof ChatStreamEvent>

/**
 * `POST /api/provider/test`: can the host reach the provider with the saved key, and which models
 * does it have? The model may be empty; the chosen one, when given, is looked up.
 */
export const ProviderTestRequest = z.object({
  provider: ProviderConnection,
  timeoutMs: TimeoutMs.optional(),
})
export type ProviderTestRequest = z.infer<typeof ProviderTestRequest>

/** What Test connection found out about the chosen model, from the server's own metadata. */
export const ModelProbe = z.object({
  /** Which local server answered its metadata route, when one did. */
  server: z.enum(['ollama', 'llama.cpp', 'lm-studio']).nullable(),
  /** Whether the server's model list has the chosen model. */
  listed: z.boolean(),
  /** Whether the model accepts tools; null when the server does not say. */
  tools: z.boolean().nullable(),
  /** The context the server runs the model with, in its own tokens; null when it does not say. */
  contextWindow: z.number().int().positive().nullable(),
  /** The context the model was trained for, when reported. */
  trainedContext: z.number().int().positive().nullable(),
})
export type ModelProbe = z.infer<typeof ModelProbe>

export const ProviderModels = z.object({
  models: z.array(z.string()),
  /** What the server says about the chosen model; absent when none was chosen yet. */
  probe: ModelProbe.optional(),
  /**
   * The OpenAI-compatible address of the server found at the base URL, when the models were listed
   * by Ollama's own `/api/tags` at an address other than its `/v1` (chat goes to `/v1`).
   */
  suggestedBaseUrl: z.string().optional(),
})
export type ProviderModels = z.infer<typeof ProviderModels>

export const SecretPresence = z.object({ present: z.boolean() })
export type SecretPresence = z.infer<typeof SecretPresence>

export const SecretValue = z.object({ value: z.string().min(1).max(16_384) })
export type SecretValue = z.infer<typeof SecretValue>

export const RelayStartRequest = z.object({
  /** Listen on every interface so the other laptop can connect, not just on loopback. */
  lan: z.boolean(),
  port: z.number().int().min(0).max(65_535).optional(),
})
export type RelayStartRequest = z.infer<typeof RelayStartRequest>

export const RelayUrl = z.object({ url: z.string() })
export type RelayUrl = z.infer<typeof RelayUrl>

export const RelayStatus = z.object({ running: z.boolean(), url: z.string().nullable() })

/** `POST /api/relays/allow`: let the runtime reach the relay of a pairing (its origin joins the CSP). */
export const RelayAllowRequest = z.object({ relayUrl: z.string().max(2048) })
export type RelayAllowRequest = z.infer<typeof RelayAllowRequest>

/** `added`: the origin was not allowed before, so the runtime must reload to take the new policy. */
export const RelayAllowed = z.object({ added: z.boolean() })
export type RelayAllowed = z.infer<typeof RelayAllowed>

/** `POST /api/relays/forget`: the profile unpaired from this relay (its origin leaves the CSP). */
export const RelayForgotten = z.object({ removed: z.boolean() })
export type RelayForgotten = z.infer<typeof RelayForgotten>
export type RelayStatus = z.infer<typeof RelayStatus>

export const HealthStatus = z.object({ time: z.string() })
export type HealthStatus = z.infer<typeof HealthStatus>

type HostRoute = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** `:name` marks the secret name segment. */
  path: string
  /** The JSON body, or null when the route takes none. */
  body: z.ZodType | null
  /** The `value` of a successful answer (for `chat`, the schema of each NDJSON line). */
  output: z.ZodType
}

/** Every route of the host API. Non-streaming answers are `Result`s: `{ ok, value | error }`. */
export const hostApiRoutes = {
  health: { method: 'GET', path: '/api/health', body: null, output: HealthStatus },
  chat: { method: 'POST', path: '/api/chat', body: ChatRequest, output: ChatStreamEvent },
  providerTest: {
    method: 'POST',
    path: '/api/provider/test',
    body: ProviderTestRequest,
    output: ProviderModels,
  },
  secretGet: { method: 'GET', path: '/api/secrets/:name', body: null, output: SecretPresence },
  secretPut: { method: 'PUT', path: '/api/secrets/:name', body: SecretValue, output: z.null() },
  secretDelete: { method: 'DELETE', path: '/api/secrets/:name', body: null, output: z.null() },
  relayStart: {
    method: 'POST',
    path: '/api/relay/start',
    body: RelayStartRequest,
    output: RelayUrl,
  },
  relayStop: { method: 'POST', path: '/api/relay/stop', body: null, output: z.null() },
  relayStatus: { method: 'GET', path: '/api/relay/status', body: null, output: RelayStatus },
  relayAllow: {
    method: 'POST',
    path: '/api/relays/allow',
    body: RelayAllowRequest,
    output: RelayAllowed,
  },
  relayForget: {
    method: 'POST',
    path: '/api/relays/forget',
    body: RelayAllowRequest,
    output: RelayForgotten,
  },
} as const satisfies Record<string, HostRoute>
export type HostApiRoutes = typeof hostApiRoutes
export type HostRouteName = keyof HostApiRoutes

/** The path of a secret's route. */
export const secretPath = (name: SecretName): string => `/api/secrets/${encodeURIComponent(name)}`

/** The answer of a non-streaming route, as it travels. */
export const hostResultSchema = <K extends HostRouteName>(name: K) =>
  resultSchema(hostApiRoutes[name].output)

/** The error body of any failed route, including `/api/chat` before it starts streaming. */
export const HostErrorBody = z.object({ ok: z.literal(false), error: AppError })
