import { z } from 'zod'
import { newId } from '../../../shared/ids'
import { encodingOfName } from '../../../shared/session/file-name'
import { reportHeadline } from '../../../shared/session/import-report'
import { importSource } from '../../../shared/session/import-source'
import { describeProblem } from '../../../shared/session/problems'
import { writeSessionFile } from '../../../shared/session/session-file'
import { version } from '../../../package.json'
import { defineCommand, type Command } from '../command'
import { writeOutput } from '../files'
import { EXIT_INVALID, EXIT_OK } from '../io'
import { nodeGzip } from '../node-gzip'
import { nodeUtf8 } from '../node-utf8'
import { readSource } from '../source-files'

const Values = z.object({
  out: z.string({ message: '--out OUT is required' }).min(1),
  space: z.string().min(1, '--space needs a name').optional(),
  json: z.boolean().optional(),
})

const DEFAULT_NAMES: Record<string, string> = { chatgpt: 'ChatGPT', claude: 'Claude' }

const details = [
  'Recognises what SOURCE is and turns it into a session file:',
  '  - a ChatGPT export: conversations.json, the folder of conversations-000.json… shards, or the',
  '    .zip as downloaded. For each conversation the branch that was current is kept in order; tool',
  '    calls and results become tool steps (shown folded, left out of search); images, files and',
  '    voice become placeholders or their transcript; citation markup is removed; hidden context',
  '    and reasoning are left out. Message ids that several conversations share ("Branch in new',
  '    chat") are given new ids the same way every time, so importing again adds nothing.',
  '  - a Claude.ai export: conversations.json or its .zip (text blocks; thinking left out; tool use',
  '    as tool steps; attachments as placeholders).',
  '  - a JSONL transcript, one message per line:',
  '    {"conversation": "<id or title>", "role": "user"|"assistant"|"system", "speaker"?: "<name>",',
  '     "text": "...", "timestamp": "<ISO 8601 with a time zone>", "id"?: "<string>"}',
  '  - a Keepsake session file (.keepsake, .keepsake.json), written again at the current version.',
  'Prints what was imported and each kind of thing transformed or left out, with counts. Problems',
  'are printed as "path: reason" and nothing is written.',
  '',
  '  --out OUT      where to write the session (JSON if OUT ends in .json, otherwise msgpack)',
  '  --space NAME   the name of the space (default: "ChatGPT" or "Claude" for those exports,',
  '                 otherwise the file name without its extension)',
  '  --json         print the import report as JSON',
].join('\n')

const baseName = (path: string): string => path.replace(/[\\/]+$/, '').replace(/^.*[\\/]/, '')

/** `keepsake import` under another name, for the commands it replaced. */
function importCommand(name: string, summary: string, usage: string, positional: string): Command {
  return defineCommand({
    name,
    summary,
    usage,
    details,
    options: { out: { type: 'string' }, space: { type: 'string' }, json: { type: 'boolean' } },
    positionals: { min: 1, max: 1, names: positional },
    values: Values,
    async run({ positionals: [source = ''], values }, io) {
      const read = await readSource(source)
      if (!read.ok) {
        for (const p of read.problems) io.err(describeProblem(p))
        return EXIT_INVALID
      }
      const imported = await importSource(source, read.value.files, read.value.collection, {
        spaceName: values.space ?? '',
        spaceId: newId(),
        now: new Date(),
        appVersion: version,
        gzip: nodeGzip,
        decodeUtf8: nodeUtf8,
      })
      if (!imported.ok) {
        // A problem's path names the file inside a zip or folder; a lone file's starts at its root.
        for (const p of imported.problems)
          io.err(
            p.path === '(root)' || p.path.startsWith('[')
              ? `${source}: ${describeProblem(p)}`
              : describeProblem(p),
          )
        return EXIT_INVALID
      }
      const { data, report } = imported.value
      const spaceName =
        values.space ?? DEFAULT_NAMES[report.source] ?? baseName(source).replace(/\.[^.]*$/, '')
      if (report.source !== 'session' || values.space) data.space.name = spaceName
      const encoding = encodingOfName(values.out) ?? 'msgpack'
      await writeOutput(values.out, await writeSessionFile(data, encoding, nodeGzip))
      if (values.json) {
        io.out(JSON.stringify({ out: values.out, encoding, report }, null, 2))
        return EXIT_OK
      }
      io.out(`wrote ${values.out} (${encoding}), space "${data.space.name}"`)
      io.out(reportHeadline(report))
      for (const line of report.lines) io.out(`  ${line.text}`)
      return EXIT_OK
    },
  })
}

export const importAnyCommand = importCommand(
  'import',
  'import a ChatGPT or Claude.ai export, a JSONL transcript or a session file',
  'keepsake import SOURCE --out OUT [--space NAME] [--json]',
  'SOURCE',
)

/** Older names, kept so scripts keep working; they recognise any source too. */
export const importChatGptCommand = importCommand(
  'import-chatgpt',
  'the same as import (kept for scripts)',
  'keepsake import-chatgpt SOURCE --out OUT [--space NAME] [--json]',
  'SOURCE',
)
export const importTranscriptCommand = importCommand(
  'import-transcript',
  'the same as import (kept for scripts)',
  'keepsake import-transcript SOURCE --out OUT [--space NAME] [--json]',
  'SOURCE',
)
