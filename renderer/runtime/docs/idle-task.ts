/** How long writes must pause before the housekeeping that follows them runs. */
export const IDLE_MS = 500

/**
 * Housekeeping that runs once the writes it follows pause: each `poke` puts it off by `idleMs`
 * again (or by the wait it is given), `now` runs it at once if it is waiting (settling), and
 * `cancel` drops it (closing). Runs are never concurrent; a failed run is left for the next poke.
 * @example const fold = new IdleTask(() => foldSmallPages(db, id), 500); fold.poke()
 */
export class IdleTask {
  private timer: ReturnType<typeof setTimeout> | null = null
  private running: Promise<void> = Promise.resolve()

  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly idleMs: number,
  ) {}

  /** Asks for a run once `wait` ms (default `idleMs`) pass without another poke. */
  poke(wait = this.idleMs): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.start(), wait)
  }

  /** Runs now if a run was asked for; resolves once any run under way has ended. */
  now(): Promise<void> {
    return this.timer === null ? this.running : this.start()
  }

  /** Drops a run that was asked for (one under way still ends). */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  private start(): Promise<void> {
    this.cancel()
    this.running = this.running.then(async () => {
      try {
        await this.run()
      } catch (e) {
        // Housekeeping: what it would have tidied stays valid, and the next poke tries again.
        console.error('housekeeping failed', e)
      }
    })
    return this.running
  }
}
