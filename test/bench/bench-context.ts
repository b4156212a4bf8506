import type { BrowserProcess } from '../support/browser-process'
import type { BenchPage } from './bench-page'
import type { Figures } from './report'
import type { BenchSizes } from './sizes'

/** What every row gets: the sizes, where to put figures, and the bench page in real Chromium. */
export interface BenchContext {
  smoke: boolean
  sizes: BenchSizes
  figures: Figures
  browser: BrowserProcess
  /** The bench page served on 127.0.0.1 (`test/bench/page`, built for this run). */
  pageUrl: string
  bench: BenchPage
  /** Where rows may write files for this run (removed afterwards). */
  workDir: string
  /** "Now" for synthetic history: the newest message is written at this time. */
  nowMs: number
}
