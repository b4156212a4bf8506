import { z } from 'zod'
import { defineCommand } from '../command'
import { EXIT_OK } from '../io'
import { loadSessionFile } from '../load'

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'check a session file; print ok or every problem with its path',
  usage: 'keepsake validate FILE',
  details: [
    'Reads FILE (.keepsake or .keepsake.json) under the size, decompression, depth and string limits,',
    'migrates it through the format and schema chains, and checks its Yjs states agree with its records.',
    'Prints "ok" and exits 0, or prints each problem as "path: reason" on stderr and exits 1.',
  ].join('\n'),
  options: {},
  positionals: { min: 1, max: 1, names: 'FILE' },
  values: z.object({}),
  async run({ positionals: [file = ''] }, io) {
    const read = await loadSessionFile(file, io)
    if (typeof read === 'number') return read
    io.out('ok')
    return EXIT_OK
  },
})
