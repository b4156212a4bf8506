import type { z } from 'zod'
import { appRequests, conversationRequests, memoryRequests, settingsRequests } from './requests'
import { runtimeEvents } from './events'
import { filesRequests } from './files-requests'
import { memoryExtraRequests } from './memory-extra-requests'
import { hostRequests } from './host-requests'
import { syncRequests } from './sync-requests'
import type { Result } from '../errors'

/**
 * The one contract between the UI and the runtime. Every message shape crossing the port is written
 * here and nowhere else; both ends validate with these schemas.
 */
export const runtimeRequests = {
  ...appRequests,
  ...conversationRequests,
  ...memoryRequests,
  ...settingsRequests,
  ...filesRequests,
  ...memoryExtraRequests,
  ...hostRequests,
  ...syncRequests,
}
export type RuntimeRequests = typeof runtimeRequests
export type RequestName = keyof RuntimeRequests
export type RequestInput<K extends RequestName> = z.input<RuntimeRequests[K]['input']>
export type RequestOutput<K extends RequestName> = z.output<RuntimeRequests[K]['output']>

export { runtimeEvents }
export type RuntimeEvents = typeof runtimeEvents
export type EventName = keyof RuntimeEvents
export type EventPayload<K extends EventName> = z.output<RuntimeEvents[K]>

/** A runtime handler for every request, typed from the contract. */
export type RuntimeHandlers = {
  [K in RequestName]: (
    input: z.output<RuntimeRequests[K]['input']>,
  ) => Promise<Result<RequestOutput<K>>>
}

export * from './models'
export * from './settings'
export { AppStatus, MessagePage } from './requests'
