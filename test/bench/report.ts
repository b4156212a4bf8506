import type { Machine } from './machine'
import type { RunSpread } from './stats'

/** The rows of the bench, in the order they are printed. */
export const ROWS: Readonly<Record<number, string>> = {
  1: 'Restore',
  2: 'Prompt tokens',
  3: 'Acknowledged appends',
  4: 'Session files',
  5: 'Sync',
  6: 'Retrieval',
  7: 'UI',
  8: 'Understanding',
  9: 'ChatGPT import',
}

/** One line of the table: a median with its spread, or why it was not measured. */
export interface Figure {
  row: number
  label: string
  /** The middle value, formatted with its unit; null when not measured. */
  value: string | null
  /** How much it varied and over how many runs or samples, formatted. */
  spread: string
  note: string
  /** The numbers behind the line, for bench-results.json. */
  data: unknown
}

export interface BenchReport {
  mode: 'full' | 'smoke'
  startedAt: string
  command: string
  machine: Machine
  figures: Figure[]
}

/** `12.3 ms`, `412 ms`, `3.41 s`. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—'
  if (value < 10) return `${value.toFixed(2)} ms`
  if (value < 1000) return `${value.toFixed(0)} ms`
  return `${(value / 1000).toFixed(2)} s`
}

/** `912 B`, `48.2 KiB`, `31.4 MiB`. */
export function bytes(value: number): string {
  if (value < 1024) return `${value} B`
  if (value < 1024 ** 2) return `${(value / 1024).toFixed(1)} KiB`
  return `${(value / 1024 ** 2).toFixed(1)} MiB`
}

/** `12,345` */
export const count = (value: number): string => Math.round(value).toLocaleString('en-US')

/** `7.4×` */
export const ratio = (value: number): string =>
  `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}×`

/** A spread over runs: `380 ms–450 ms (5 runs)`. */
export function runs(spread: RunSpread, format: (v: number) => string): string {
  return `${format(spread.min)} – ${format(spread.max)} (${spread.runs} run${spread.runs === 1 ? '' : 's'})`
}

/** Collects figures as the bench measures them and prints each one as it comes. */
export class Figures {
  readonly list: Figure[] = []

  add(figure: Figure): void {
    this.list.push(figure)
    const value = figure.value ?? 'not measured'
    console.log(
      `  [${figure.row}] ${figure.label}: ${value}  ${figure.spread}  ${figure.note}`.trimEnd(),
    )
  }

  notMeasured(row: number, label: string, reason: string): void {
    this.add({
      row,
      label,
      value: null,
      spread: '',
      note: `not measured: ${reason}`,
      data: { reason },
    })
  }
}

const pad = (text: string, width: number): string =>
  text + ' '.repeat(Math.max(0, width - text.length))

/** The whole report as a plain-text table, grouped by row, machine first. */
export function formatReport(report: BenchReport): string {
  const m = report.machine
  const lines = [
    `Keepsake bench (${report.mode}), ${report.startedAt}`,
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}; Node ${m.node}; Chromium ${m.chromium}`,
    `Load (1-min average): ${m.loadAtStart.toFixed(1)} at start, ${m.loadAtEnd?.toFixed(1) ?? '?'} at end`,
    `Command: ${report.command}`,
    '',
  ]
  const labelWidth = Math.min(70, Math.max(...report.figures.map((f) => f.label.length)))
  const valueWidth = Math.max(12, ...report.figures.map((f) => (f.value ?? '').length))
  for (const [row, title] of Object.entries(ROWS)) {
    const figures = report.figures.filter((f) => f.row === Number(row))
    if (figures.length === 0) continue
    lines.push(`${row}. ${title}`)
    for (const f of figures) {
      const value = f.value ?? '—'
      const tail = [f.spread, f.note].filter((s) => s !== '').join('  ')
      lines.push(`   ${pad(f.label, labelWidth)}  ${pad(value, valueWidth)}  ${tail}`.trimEnd())
    }
    lines.push('')
  }
  return lines.join('\n')
}

/** The table as Markdown, for PERFORMANCE.md: the machine and load first, then one line per figure. */
export function formatMarkdown(report: BenchReport): string {
  const m = report.machine
  const lines = [
    `Measured ${report.startedAt.slice(0, 10)} with \`${report.command}\` on ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}; Node ${m.node}; Chromium ${m.chromium}. Load average ${m.loadAtStart.toFixed(1)} at start, ${m.loadAtEnd?.toFixed(1) ?? '?'} at end.`,
    '',
    '| Row | Measure | Median | Spread | Note |',
    '|---|---|---|---|---|',
  ]
  for (const f of report.figures) {
    const cell = (s: string): string => s.replaceAll('|', '\\|')
    lines.push(
      `| ${f.row}. ${ROWS[f.row] ?? ''} | ${cell(f.label)} | ${cell(f.value ?? '—')} | ${cell(f.spread)} | ${cell(f.note)} |`,
    )
  }
  return lines.join('\n')
}
