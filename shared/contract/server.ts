import { err, type Result } from '../errors'
import { check } from '../validation'
import { WireFrame, type PortLike } from './wire'
import {
  runtimeEvents,
  runtimeRequests,
  type EventName,
  type EventPayload,
  type RequestName,
  type RuntimeHandlers,
} from './index'

/** The runtime's end of one port: validates each request against the contract and answers with a Result. */
export function serveRuntime(port: PortLike, handlers: RuntimeHandlers): { close(): void } {
  const onMessage = (event: MessageEvent): void => {
    const frame = WireFrame.safeParse(event.data)
    if (!frame.success || frame.data.t !== 'req') return
    const { id, name, input } = frame.data
    void answer(name, input).then((result) => port.postMessage({ t: 'res', id, result }))
  }
  const answer = async (name: string, input: unknown): Promise<Result<unknown>> => {
    if (!(name in runtimeRequests)) return err('validation', `Unknown request "${name}".`)
    const key = name as RequestName
    const parsed = check(runtimeRequests[key].input, input, name)
    if (!parsed.ok) return parsed
    try {
      const handler = handlers[key] as (i: unknown) => Promise<Result<unknown>>
      const result = await handler(parsed.value)
      if (!result.ok) return result
      const out = check(runtimeRequests[key].output, result.value, `${name} result`)
      if (!out.ok)
        return err('internal', `Keepsake produced an invalid answer (${out.error.message}).`)
      return out
    } catch (e) {
      console.error(`runtime: ${name} failed`, e)
      return err('internal', `Something went wrong while handling ${name}. Your data is unchanged.`)
    }
  }
  port.addEventListener('message', onMessage)
  port.start?.()
  return { close: () => port.removeEventListener('message', onMessage) }
}

/**
 * Checks an event against the contract once and returns the frame to post to every port (a bad
 * payload is a bug: it throws).
 */
export function eventFrame<K extends EventName>(
  name: K,
  payload: EventPayload<K>,
): { t: 'evt'; name: K; payload: EventPayload<K> } {
  const parsed = runtimeEvents[name].safeParse(payload)
  if (!parsed.success)
    throw new Error(`event ${name} does not match the contract: ${parsed.error.message}`)
  return { t: 'evt', name, payload: parsed.data as EventPayload<K> }
}

/** Sends one event frame after checking it against the contract. */
export function emitEvent<K extends EventName>(
  port: PortLike,
  name: K,
  payload: EventPayload<K>,
): void {
  port.postMessage(eventFrame(name, payload))
}
