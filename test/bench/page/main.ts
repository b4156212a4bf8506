import { Dexie } from 'dexie'
import type { BenchApi } from './bench-api'
import { appends } from './appends'
import { restore } from './restore'
import { searchLatency } from './search-latency'
import { seed } from './seed'
import {
  syncAppend,
  syncArrival,
  syncCheckSealed,
  syncOpen,
  syncConnected,
  syncSettled,
  syncSnapshot,
  syncStartedAt,
  syncStop,
  syncWaitFor,
} from './sync-device'
import { tokens } from './tokens'
import { twoRuntimes } from './two-runtimes'
import { understand } from './understand'
import { rawDrop, rawExport, rawImport, rawWrite } from './raw-pages'
import { importStages } from './import-stages'
import { rawSync } from './raw-sync'

/** The bench page: the runtime's modules in real Chromium, driven by the Node bench over CDP. */
const api: BenchApi = {
  seed,
  restore,
  tokens,
  appends,
  searchLatency,
  syncOpen,
  syncStartedAt,
  syncAppend,
  syncArrival,
  syncWaitFor,
  syncSettled,
  syncConnected,
  syncSnapshot,
  syncCheckSealed,
  syncStop,
  twoRuntimes,
  understand,
  rawImport,
  rawExport,
  rawWrite,
  rawSync,
  rawDrop,
  importStages,
  drop: async (spaceId) => Dexie.delete(`keepsake-space-${spaceId}`),
}
window.keepsakeBench = api
document.title = 'Keepsake bench ready'
