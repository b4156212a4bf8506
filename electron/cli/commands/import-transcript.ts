import { z } from 'zod'
import { newId } from '../../../shared/ids'
import { encodingOfName } from '../../../shared/session/file-name'
import { chatGptToSession } from '../../../shared/session/import-chatgpt'
import { transcriptToSession, type ImportOptions } from '../../../shared/session/import-transcript'
import { describeProblem, type Checked } from '../../../shared/session/problems'
import type { SessionData } from '../../../shared/session/session-data'
import { writeSessionFile } from '../../../shared/session/session-file'
import { version } from '../../../package.json'
import { defineCommand } from '../command'
import { readInput, writeOutput } from '../files'
import { EXIT_INVALID, EXIT_OK, type CliIo } from '../io'
import { nodeGzip } from '../node-gzip'

const Values = z.object({
  out: z.string({ message: '--out OUT is required' }).min(1),
  space: z.string().min(1, '--space needs a name').optional(),
})
type Values = z.infer<typeof Values>

/** Runs an importer on FILE and writes its session to OUT (JSON for .json, otherwise msgpack). */
async function convertWith(
  importer: (bytes: Uint8Array, options: ImportOptions) => Checked<SessionData>,
  file: string,
  values: Values,
  defaultName: string,
  io: CliIo,
): Promise<number> {
  const input = await readInput(file)
  if (!input.ok) {
    io.err(`${input.problem.path}: ${input.problem.message}`)
    return EXIT_INVALID
  }
  const session = importer(input.bytes, {
    spaceName: values.space ?? defaultName,
    spaceId: newId(),
    now: new Date(),
    appVersion: version,
  })
  if (!session.ok) {
    for (const problem of session.problems) io.err(`${file}: ${describeProblem(problem)}`)
    return EXIT_INVALID
  }
  const encoding = encodingOfName(values.out) ?? 'msgpack'
  await writeOutput(values.out, await writeSessionFile(session.value, encoding, nodeGzip))
  const messages = session.value.conversations.reduce((n, c) => n + c.messages.length, 0)
  io.out(
    `wrote ${values.out} (${encoding}): ${session.value.conversations.length} conversations, ${messages} messages`,
  )
  return EXIT_OK
}

const outputHelp = [
  '  --out OUT      where to write the session (JSON if OUT ends in .json, otherwise msgpack)',
  '  --space NAME   the name of the space (default: the file name)',
]

export const importTranscriptCommand = defineCommand({
  name: 'import-transcript',
  summary: 'turn a JSONL transcript into a session file',
  usage: 'keepsake import-transcript FILE.jsonl --out OUT [--space NAME]',
  details: [
    'Each line of FILE.jsonl is one message:',
    '  {"conversation": "<id or title>", "role": "user"|"assistant"|"system", "speaker"?: "<name>",',
    '   "text": "...", "timestamp": "<ISO 8601 with a time zone>", "id"?: "<string>"}',
    'A given id becomes the message id and is kept through export, import and search. Bad lines are',
    'reported as "line N: field: reason" and nothing is written.',
    '',
    ...outputHelp,
  ].join('\n'),
  options: { out: { type: 'string' }, space: { type: 'string' } },
  positionals: { min: 1, max: 1, names: 'FILE.jsonl' },
  values: Values,
  run: ({ positionals: [file = ''], values }, io) =>
    convertWith(
      transcriptToSession,
      file,
      values,
      file.replace(/^.*[\\/]/, '').replace(/\.jsonl$/i, ''),
      io,
    ),
})

export const importChatGptCommand = defineCommand({
  name: 'import-chatgpt',
  summary: "turn ChatGPT's conversations.json into a session file",
  usage: 'keepsake import-chatgpt conversations.json --out OUT [--space NAME]',
  details: [
    'Reads the conversations.json of a ChatGPT data export. For each conversation the branch that',
    'was current (from current_node up through its parents) is kept, with its visible user,',
    'assistant and system messages; ChatGPT message ids are kept.',
    '',
    ...outputHelp,
  ].join('\n'),
  options: { out: { type: 'string' }, space: { type: 'string' } },
  positionals: { min: 1, max: 1, names: 'conversations.json' },
  values: Values,
  run: ({ positionals: [file = ''], values }, io) =>
    convertWith(chatGptToSession, file, values, 'ChatGPT', io),
})
