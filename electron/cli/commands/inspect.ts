import { z } from 'zod'
import { CURRENT_SCHEMA_VERSION } from '../../../shared/schema/current'
import { CURRENT_FORMAT_VERSION } from '../../../shared/session/current'
import { formatBytes } from '../../../shared/session/limits'
import type { ReadSession } from '../../../shared/session/session-file'
import { defineCommand } from '../command'
import { EXIT_OK } from '../io'
import { loadSessionFile } from '../load'

/** What `inspect` reports about a session file. */
export function describeSession(file: string, read: ReadSession) {
  const { data } = read
  const count = <T>(items: readonly T[], key: (t: T) => string): Record<string, number> => {
    const out: Record<string, number> = {}
    for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1
    return out
  }
  const times = data.conversations
    .flatMap((c) => c.messages.map((m) => m.createdAt))
    .sort((a, b) => Date.parse(a) - Date.parse(b))
  return {
    file,
    bytes: read.bytes,
    encoding: read.encoding,
    formatVersion: read.formatVersion,
    schemaVersion: read.schemaVersion,
    current: { formatVersion: CURRENT_FORMAT_VERSION, schemaVersion: CURRENT_SCHEMA_VERSION },
    migratedRecords: read.migratedRecords,
    exportedAt: data.exportedAt,
    app: data.app,
    scope: data.scope,
    space: data.space,
    memory: {
      total: data.memory.length,
      byStatus: count(data.memory, (m) => m.status),
      byKind: count(data.memory, (m) => m.kind),
    },
    conversations: {
      total: data.conversations.length,
      trashed: data.conversations.filter((c) => c.deletedAt !== null).length,
    },
    messages: { total: times.length, first: times[0] ?? null, last: times.at(-1) ?? null },
    quarantine: data.quarantine.length,
    yjs: {
      space: data.yjs !== null,
      conversations: data.conversations.filter((c) => c.yjs !== null).length,
    },
  }
}

const list = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ') || 'none'

export const inspectCommand = defineCommand({
  name: 'inspect',
  summary: 'show versions, counts, date range and size of a session file',
  usage: 'keepsake inspect FILE [--json]',
  details: [
    'Validates FILE like `validate`, then describes it: format and schema versions (and whether',
    'records were migrated), the space, memory items by status and kind, conversations, messages',
    'and their date range, quarantined records, whether Yjs state is present, and the file size.',
    '',
    '  --json   print one JSON object instead of text',
  ].join('\n'),
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: 'FILE' },
  values: z.object({ json: z.boolean().optional() }),
  async run({ positionals: [file = ''], values }, io) {
    const read = await loadSessionFile(file, io)
    if (typeof read === 'number') return read
    const d = describeSession(file, read)
    if (values.json) {
      io.out(JSON.stringify(d, null, 2))
      return EXIT_OK
    }
    io.out(`${d.file}: ${formatBytes(d.bytes)}, ${d.encoding}`)
    io.out(
      `format v${d.formatVersion}, schema v${d.schemaVersion} (this build: format v${d.current.formatVersion}, schema v${d.current.schemaVersion}); ${d.migratedRecords} records migrated on reading`,
    )
    io.out(`exported ${d.exportedAt} by ${d.app.name} ${d.app.version}; scope: ${d.scope}`)
    io.out(`space: ${d.space.name} (${d.space.id}), created ${d.space.createdAt}`)
    io.out(`memory: ${d.memory.total} items (${list(d.memory.byStatus)}; ${list(d.memory.byKind)})`)
    io.out(`conversations: ${d.conversations.total} (${d.conversations.trashed} in the trash)`)
    io.out(
      `messages: ${d.messages.total}${d.messages.first ? `, from ${d.messages.first} to ${d.messages.last}` : ''}`,
    )
    io.out(`quarantined records: ${d.quarantine}`)
    io.out(
      `yjs state: ${d.yjs.space ? 'space document' : 'no space document'}, ${d.yjs.conversations} of ${d.conversations.total} conversation documents`,
    )
    return EXIT_OK
  },
})
