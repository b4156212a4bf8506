type Listener = (...args: unknown[]) => void

/** A sandboxed preload's surroundings: contextBridge, ipcRenderer and the page's window. */
export interface PreloadWorld {
  expose(key: string, api: unknown): void
  exposed(key: string): unknown
  exposedKeys(): string[]
  on(channel: string, listener: Listener): void
  off(channel: string, listener: Listener): void
  /** Delivers an IPC message from main as Electron would: `(event, payload)`. */
  emit(channel: string, event: { ports: unknown[] }, payload: unknown): void
  invoke(channel: string, args: unknown[]): Promise<unknown>
  send(channel: string, args: unknown[]): void
  invoked: { channel: string; args: unknown[] }[]
  sent: { channel: string; args: unknown[] }[]
  posted: { message: unknown; origin: string; transfer: unknown[] }[]
  restore(): void
}

export function fakePreloadWorld(): PreloadWorld {
  const exposed = new Map<string, unknown>()
  const listeners = new Map<string, Set<Listener>>()
  const posted: PreloadWorld['posted'] = []
  const invoked: PreloadWorld['invoked'] = []
  const sent: PreloadWorld['sent'] = []
  const fakeWindow = {
    location: { origin: 'keepsake://app' },
    postMessage: (message: unknown, origin: string, transfer: unknown[]) => {
      posted.push({ message, origin, transfer })
    },
  }
  Object.defineProperty(globalThis, 'window', { value: fakeWindow, configurable: true })
  return {
    expose: (key, api) => {
      exposed.set(key, api)
    },
    exposed: (key) => exposed.get(key),
    exposedKeys: () => [...exposed.keys()],
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
    },
    off: (channel, listener) => {
      listeners.get(channel)?.delete(listener)
    },
    emit: (channel, event, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener(event, payload)
    },
    invoke: async (channel, args) => {
      invoked.push({ channel, args })
      return { ok: true, value: undefined }
    },
    send: (channel, args) => {
      sent.push({ channel, args })
    },
    invoked,
    sent,
    posted,
    restore: () => {
      Reflect.deleteProperty(globalThis, 'window')
    },
  }
}
