import type { FilesProgress } from '../../../shared/contract/files-requests'

/** Reports how far an export or import is; the runtime turns it into `files.progress` events. */
export type ReportProgress = (progress: FilesProgress) => void

/** A reporter that sends at most one event per whole percent, so a big file does not flood the port. */
export function throttled(report: ReportProgress): ReportProgress {
  let last = ''
  return (p) => {
    const percent = p.total === 0 ? 100 : Math.floor((p.done / p.total) * 100)
    const key = `${p.operation}:${p.phase}:${percent}`
    if (key === last) return
    last = key
    report(p)
  }
}
