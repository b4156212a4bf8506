import { err, type Result } from '../errors'
import { check, issueText } from '../validation'
import { WireFrame, type PortLike } from './wire'
import {
  runtimeEvents,
  runtimeRequests,
  type EventName,
  type EventPayload,
  type RequestInput,
  type RequestName,
  type RequestOutput,
} from './index'

/** The UI's typed handle on the runtime. */
export interface RuntimeClient {
  /**
   * Sends a request. `transfer` hands buffers of the input over instead of copying them (a file
   * being imported): they are empty on this side afterwards.
   */
  request<K extends RequestName>(
    name: K,
    input: RequestInput<K>,
    options?: { transfer?: ArrayBuffer[] },
  ): Promise<Result<RequestOutput<K>>>
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void
}

/**
 * Wraps a port to the runtime. Responses and events are validated against the contract; a frame that
 * fails is reported as an error value (responses) or dropped with a console error (events).
 * @example const result = await client.request('memory.list', {})
 */
export function createRuntimeClient(port: PortLike): RuntimeClient {
  let nextId = 1
  const waiting = new Map<number, { name: RequestName; resolve: (r: Result<unknown>) => void }>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  /**
   * Set once the runtime said it is reloading (a new CSP): it answers nothing more that matters and
   * may close before answering what is in flight, so those requests and any later ones end here with
   * `restarting` instead of waiting forever; the window connects to the runtime that follows.
   */
  let restarting = false
  const RESTARTING = (): Result<never> =>
    err('restarting', 'Keepsake is reloading; the request was not carried out.')

  port.addEventListener('message', (event: MessageEvent) => {
    const frame = WireFrame.safeParse(event.data)
    if (!frame.success) return
    const data = frame.data
    if (data.t === 'res') {
      const entry = waiting.get(data.id)
      if (!entry) return
      waiting.delete(data.id)
      if (!data.result.ok) return entry.resolve(data.result)
      entry.resolve(check(runtimeRequests[entry.name].output, data.result.value, entry.name))
    } else if (data.t === 'evt') {
      if (!(data.name in runtimeEvents)) return
      if (data.name === 'runtime.restarting' && !restarting) {
        restarting = true
        for (const entry of waiting.values()) entry.resolve(RESTARTING())
        waiting.clear()
      }
      const parsed = runtimeEvents[data.name as EventName].safeParse(data.payload)
      if (!parsed.success) {
        console.error(`Ignored a malformed ${data.name} event`, parsed.error.issues)
        return
      }
      for (const listener of listeners.get(data.name) ?? []) listener(parsed.data)
    }
  })
  port.start?.()

  return {
    request(name, input, options) {
      const spec = runtimeRequests[name]
      const parsed = spec.input.safeParse(input)
      if (!parsed.success) {
        return Promise.resolve(
          err(
            'validation',
            `${name}: ${parsed.error.issues[0] ? issueText(parsed.error.issues[0]) : 'invalid input'}`,
          ),
        )
      }
      if (restarting) return Promise.resolve(RESTARTING())
      const id = nextId++
      return new Promise((resolve) => {
        waiting.set(id, { name, resolve: resolve as (r: Result<unknown>) => void })
        const frame = { t: 'req', id, name, input: parsed.data }
        if (options?.transfer) port.postMessage(frame, options.transfer)
        else port.postMessage(frame)
      })
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set()
      listeners.set(name, set)
      set.add(listener as (payload: unknown) => void)
      return () => set.delete(listener as (payload: unknown) => void)
    },
  }
}
