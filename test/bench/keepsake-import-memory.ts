/**
 * Memory of the app while importing a 100k-message `.keepsake` file into a new space (issue 17's
 * figure), outside `npm run bench` because row 4 around it takes long: the space is generated,
 * imported, exported as msgpack, then imported again twice from an idle start, once timed (JS heap
 * in use and RSS) and once with a collection before each sample (what is held). Run it with
 * `npx tsx test/bench/keepsake-import-memory.ts` after `npm run build`; with `json` it imports the
 * generated records-only JSON file instead (what importers write: the app builds the documents),
 * ratios still against the decompressed msgpack export of the same space.
 */
import { gunzipSync } from 'node:zlib'
import { nodeGzip } from '../../electron/cli/node-gzip'
import { writeSessionFile } from '../../shared/session/session-file'
import { AppDevice } from './app-device'
import { sampleMemory } from './app-memory'
import { generateSession } from './session-data'
import { waitIndexed } from './rows/session-files'

const MiB = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`
const records = process.argv[2] === 'json'
const app = await AppDevice.start()
try {
  const data = generateSession({
    messages: 100_000,
    facts: 100,
    nowMs: Date.parse('2026-06-01T12:00:00Z'),
  })
  const json = await writeSessionFile(data, 'json', nodeGzip)
  await app.putFile('gen', json)
  const seeded = await app.importFile('gen', 'bench.keepsake.json', 'new-space')
  if (!seeded.answer.ok) throw new Error(String(seeded.answer.error?.message))
  await app.reload()
  await app.dropOtherSpaces()
  const exported = await app.exportSpace('mp', 'msgpack')
  if (!exported.answer.ok) throw new Error('export')
  const file = await app.getFile('mp')
  const unpacked = gunzipSync(file).length
  console.log(
    `file ${MiB(file.length)}, decompressed ${MiB(unpacked)}`,
    records ? `; importing the records-only JSON file (${MiB(json.length)})` : '',
  )
  for (const collect of [false, true]) {
    await app.reload()
    await app.dropOtherSpaces()
    await waitIndexed(app, 300_000)
    await app.putFile('mp', records ? json : file)
    const { result, peaks } = await sampleMemory(
      app.browser,
      app.host.url,
      () => app.importFile('mp', records ? 'bench.keepsake.json' : 'bench.keepsake', 'new-space'),
      collect ? { everyMs: 500, collect: true } : { everyMs: 50, collect: false },
    )
    if (!result.answer.ok) throw new Error(String(result.answer.error?.message))
    console.log(
      collect ? 'held' : 'timed',
      Math.round(result.ms),
      'ms',
      `js ${MiB(peaks.js)} (${(peaks.js / unpacked).toFixed(1)}×)`,
      `renderers ${MiB(peaks.renderers)} (${(peaks.renderers / unpacked).toFixed(1)}×)`,
      `all ${MiB(peaks.all)} (${(peaks.all / unpacked).toFixed(1)}×)`,
      `worker heap before a collection ${MiB(peaks.workerHeap)} (${(peaks.workerHeap / unpacked).toFixed(1)}×, ${peaks.collections} collections)`,
      `samples ${peaks.jsSamples}`,
    )
  }
} finally {
  await app.close()
}
