import { z } from 'zod'

/** Where an import came from, as recognised by `detectImport`. */
export const ImportSource = z.enum(['session', 'transcript', 'chatgpt', 'claude'])
export type ImportSource = z.infer<typeof ImportSource>

/** One kind of thing an import transformed or left out, and how often. */
export const ReportLine = z.object({
  /** A stable code for tests and tools (`tool-steps`, `images`, …). */
  code: z.string(),
  count: z.number().int().nonnegative(),
  /** What a person reads: "3 tool calls and results kept as tool steps". */
  text: z.string(),
})
export type ReportLine = z.infer<typeof ReportLine>

/** What an importer made of a source: what came in, and each kind of change with its count. */
export const ImportReport = z.object({
  source: ImportSource,
  /** The files read, e.g. `conversations-000.json` and `conversations-001.json` from a zip. */
  files: z.array(z.string()),
  conversations: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  lines: z.array(ReportLine),
})
export type ImportReport = z.infer<typeof ImportReport>

/** The codes importers count, and how each reads (one, many). Order here is the order lines are shown. */
const WORDING = {
  'tool-steps': [
    'tool call or result kept as a tool step',
    'tool calls and results kept as tool steps',
  ],
  images: ['image kept as a placeholder', 'images kept as placeholders'],
  files: ['file or attachment kept as a placeholder', 'files and attachments kept as placeholders'],
  voice: ['voice message kept as its transcript', 'voice messages kept as their transcript'],
  citations: ['message with citation markup cleaned', 'messages with citation markup cleaned'],
  interrupted: [
    'interrupted answer marked as interrupted',
    'interrupted answers marked as interrupted',
  ],
  'times-adjusted': [
    'message time moved to keep the conversation in order (original time kept)',
    'message times moved to keep the conversation in order (original times kept)',
  ],
  'ids-remapped': [
    'message id shared with another conversation given a new id',
    'message ids shared with another conversation given new ids',
  ],
  hidden: [
    'hidden system or context message left out',
    'hidden system and context messages left out',
  ],
  reasoning: ['reasoning or thinking step left out', 'reasoning and thinking steps left out'],
  'other-branches': [
    'message on a branch that was not current left out (edits, regenerations)',
    'messages on branches that were not current left out (edits, regenerations)',
  ],
  empty: ['empty message left out', 'empty messages left out'],
  unreadable: [
    'message with content Keepsake cannot read left out',
    'messages with content Keepsake cannot read left out',
  ],
} as const satisfies Record<string, readonly [string, string]>
export type ReportCode = keyof typeof WORDING

/** Counts what an import does, in one place, and turns the counts into report lines. */
export class ReportTally {
  private readonly counts = new Map<ReportCode, number>()

  add(code: ReportCode, n = 1): void {
    if (n > 0) this.counts.set(code, (this.counts.get(code) ?? 0) + n)
  }

  count(code: ReportCode): number {
    return this.counts.get(code) ?? 0
  }

  lines(): ReportLine[] {
    const lines: ReportLine[] = []
    for (const [code, [one, many]] of Object.entries(WORDING) as [ReportCode, [string, string]][]) {
      const count = this.counts.get(code)
      if (count)
        lines.push({
          code,
          count,
          text: `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`,
        })
    }
    return lines
  }
}

/** The report's first line: "Imported 12 conversations, 340 messages from a ChatGPT export (2 files)". */
export function reportHeadline(report: ImportReport): string {
  const source = {
    session: 'a Keepsake session file',
    transcript: 'a JSONL transcript',
    chatgpt: 'a ChatGPT export',
    claude: 'a Claude.ai export',
  }[report.source]
  const files = report.files.length > 1 ? ` (${report.files.length} files)` : ''
  const n = (count: number, word: string): string =>
    `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`
  return `Read ${n(report.conversations, 'conversation')} and ${n(report.messages, 'message')} from ${source}${files}`
}
