import { z } from 'zod'
import { CURRENT_SCHEMA_VERSION } from '../../../shared/schema/current'
import { CURRENT_FORMAT_VERSION } from '../../../shared/session/current'
import { encodingOfName } from '../../../shared/session/file-name'
import { writeSessionFile } from '../../../shared/session/session-file'
import { defineCommand } from '../command'
import { writeOutput } from '../files'
import { EXIT_OK } from '../io'
import { loadSessionFile } from '../load'
import { nodeGzip } from '../node-gzip'

export const migrateCommand = defineCommand({
  name: 'migrate',
  summary: 'bring a session file to the current format and schema versions',
  usage: 'keepsake migrate FILE --out OUT',
  details: [
    'Reads FILE of any released format version, migrates its records through the memory-model chain',
    'and writes OUT at the current versions. OUT is JSON when it ends in .json, msgpack when it ends',
    'in .keepsake, and otherwise in the encoding FILE had. Yjs states are kept as they are (the app',
    'migrates records as it reads them).',
    '',
    '  --out OUT   where to write (required)',
  ].join('\n'),
  options: { out: { type: 'string' } },
  positionals: { min: 1, max: 1, names: 'FILE' },
  values: z.object({ out: z.string({ message: '--out OUT is required' }).min(1) }),
  async run({ positionals: [file = ''], values }, io) {
    const read = await loadSessionFile(file, io)
    if (typeof read === 'number') return read
    const encoding = encodingOfName(values.out) ?? read.encoding
    await writeOutput(values.out, await writeSessionFile(read.data, encoding, nodeGzip))
    io.out(
      `migrated ${file} (format v${read.formatVersion}, schema v${read.schemaVersion}) to ${values.out} ` +
        `(format v${CURRENT_FORMAT_VERSION}, schema v${CURRENT_SCHEMA_VERSION}, ${encoding}); ` +
        `${read.migratedRecords} record${read.migratedRecords === 1 ? '' : 's'} migrated`,
    )
    return EXIT_OK
  },
})
