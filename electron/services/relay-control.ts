import type { Result } from '../../shared/errors'

/** Starts and stops the sync relay a host can run for the person's other laptops. */
export interface RelayControl {
  /** Listens on loopback, or on every interface when `lan`; `url` is what other devices dial. */
  start(opts: { lan: boolean; port?: number }): Promise<Result<{ url: string }>>
  /** Stopping a relay that is not running succeeds. */
  stop(): Promise<Result<void>>
  status(): { running: boolean; url: string | null }
}
