import { z } from 'zod'
import { writeSessionFile } from '../../../shared/session/session-file'
import { defineCommand } from '../command'
import { outputExists, writeOutput } from '../files'
import { EXIT_INVALID, EXIT_OK } from '../io'
import { loadSessionFile } from '../load'
import { nodeGzip } from '../node-gzip'

export const convertCommand = defineCommand({
  name: 'convert',
  summary: 'rewrite a session file as JSON or msgpack',
  usage: 'keepsake convert FILE --to json|msgpack --out OUT [--force]',
  details: [
    'Writes the session in FILE to OUT in the other encoding: json (readable .keepsake.json) or',
    'msgpack (compact .keepsake, gzip-compressed). Nothing is lost: Yjs states travel as they are.',
    'Old files are migrated on the way, like `migrate`.',
    '',
    '  --to json|msgpack   the encoding to write (required)',
    '  --out OUT           where to write (required); an existing file is kept unless --force',
    '  --force             replace OUT if it exists',
  ].join('\n'),
  options: { to: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
  positionals: { min: 1, max: 1, names: 'FILE' },
  values: z.object({
    to: z.enum(['json', 'msgpack'], { message: '--to must be json or msgpack' }),
    out: z.string({ message: '--out OUT is required' }).min(1),
    force: z.boolean().optional(),
  }),
  async run({ positionals: [file = ''], values }, io) {
    if (!values.force && (await outputExists(values.out))) {
      io.err(`${values.out}: already exists; add --force to replace it`)
      return EXIT_INVALID
    }
    const read = await loadSessionFile(file, io)
    if (typeof read === 'number') return read
    await writeOutput(values.out, await writeSessionFile(read.data, values.to, nodeGzip))
    io.out(`wrote ${values.out} (${values.to})`)
    return EXIT_OK
  },
})
