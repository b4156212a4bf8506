import type { MemoryItemView, RetrievedMemory } from '../../shared/contract/models'
import type { Settings } from '../../shared/contract/settings'
import type { EventName, EventPayload } from '../../shared/contract'
import type { Space } from './space/space'
import type { HostServices } from './services/services'
import type { StateSource } from './memory/state-source'

/** Retrieval over memory and every conversation, as the agent and the search box use it. */
export interface Retriever {
  search(
    query: string,
    opts: {
      k: number
      now: Date
      conversationId?: string
      roles?: ('user' | 'assistant' | 'system')[]
    },
  ): Promise<RetrievedMemory[]>
}

/** Everything a handler needs; built once by the runtime. */
export interface RuntimeContext {
  space: Space
  deviceId: string
  services: HostServices
  retriever: Retriever
  now(): Date
  settings(): Settings
  setSettings(next: Settings): Promise<void>
  memoryViews(): Promise<MemoryItemView[]>
  /** What a prompt's state section reads (see `promptState`): no more of memory than it lists. */
  stateSource(): Promise<StateSource>
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void
  /** True until the first reply after this runtime started: stale memory is raised then. */
  firstTurn: boolean
}
