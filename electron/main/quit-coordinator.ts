/** Turns Electron's `before-quit` into "flush, then quit", without ever blocking quit for good. */
export interface QuitCoordinator {
  /** The `before-quit` listener. */
  beforeQuit(event: { preventDefault(): void }): void
}

export interface QuitCoordinatorDeps {
  /** Flushes and stops the runtime and the relay; it bounds its own wait with a timeout. */
  shutdown(): Promise<unknown>
  /** `app.quit()`: called once `shutdown` settled; the second `before-quit` then passes. */
  quit(): void
  logError(message: string, cause: unknown): void
}

/**
 * The first quit request is held (`preventDefault`) while `shutdown` runs; further requests in the
 * meantime are held too; once it settled (even by failing) quitting goes through.
 */
export function createQuitCoordinator(deps: QuitCoordinatorDeps): QuitCoordinator {
  let phase: 'running' | 'shutting-down' | 'done' = 'running'
  const finish = (): void => {
    phase = 'done'
    deps.quit()
  }
  return {
    beforeQuit(event) {
      if (phase === 'done') return
      event.preventDefault()
      if (phase === 'shutting-down') return
      phase = 'shutting-down'
      deps.shutdown().then(finish, (cause: unknown) => {
        deps.logError('Shutdown failed; quitting anyway', cause)
        finish()
      })
    },
  }
}
