/** Dates, sizes and counts as a person reads them, in the browser's locale. */

const sameDay = (a: Date, b: Date): boolean =>
  a.getFullYear() === b.getFullYear() &&
  a.getMonth() === b.getMonth() &&
  a.getDate() === b.getDate()

/** "3:04 PM" today, "Nov 2, 3:04 PM" this year, "Nov 2, 2025, 3:04 PM" before. */
export function formatTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso)
  const time: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' }
  if (sameDay(d, now)) return d.toLocaleTimeString(undefined, time)
  const year = d.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' as const }
  return d.toLocaleString(undefined, { month: 'short', day: 'numeric', ...year, ...time })
}

/** "Nov 2, 2026". */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  })
}

/** "Nov 2, 2026, 3:04 PM": a date with its time, so changes made the same day can be told apart. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  })
}

/** The full date and time, for tooltips. */
export function formatFull(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' })
}

/** "just now", "5 min ago", "3 h ago", "yesterday", then a date. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const d = new Date(iso)
  const minutes = Math.round((now.getTime() - d.getTime()) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min ago`
  if (minutes < 24 * 60 && sameDay(d, now)) return `${Math.round(minutes / 60)} h ago`
  const yesterday = new Date(now)
  yesterday.setDate(now.getDate() - 1)
  if (sameDay(d, yesterday)) return 'yesterday'
  return formatDate(iso)
}

/** "12.3 MB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  return `${value.toFixed(digits)} ${units[unit]}`
}

/** "1,234". */
export const formatCount = (n: number): string => n.toLocaleString()

/** "1 record" / "3 records". */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${formatCount(n)} ${n === 1 ? one : many}`
