/** A resettable timer: it fires once if `ms` pass without a `touch()`. */
export type Deadline = {
  /** Restarts the wait, e.g. because a byte arrived. */
  touch(): void
  stop(): void
  /** True once the timer fired. */
  readonly expired: boolean
}

/** Starts a deadline of `ms` that calls `onExpire` once when nothing touched it in time. */
export function createDeadline(ms: number, onExpire: () => void): Deadline {
  let expired = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const arm = (): void => {
    timer = setTimeout(() => {
      expired = true
      onExpire()
    }, ms)
  }
  arm()
  return {
    touch() {
      if (expired) return
      clearTimeout(timer)
      arm()
    },
    stop() {
      clearTimeout(timer)
    },
    get expired() {
      return expired
    },
  }
}
