import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Packr, Unpackr } from 'msgpackr'
import { nodeGzip } from '../../../electron/cli/node-gzip'
import { readSessionFile, writeSessionFile } from '../../../shared/session/session-file'
import { toEnvelopeValue, type SessionData } from '../../../shared/session/session-data'
import type { AppDevice } from '../app-device'
import type { BenchContext } from '../bench-context'
import { runCliTimed } from '../cli-process'
import { bytes, count, ms, ratio, runs } from '../report'
import { generateSession } from '../session-data'
import { overRuns, type RunSpread } from '../stats'
import { putPageFile } from '../page-files'

type Encoding = 'json' | 'msgpack'
const ENCODINGS: Encoding[] = ['json', 'msgpack']
const FILE_NAME: Record<Encoding, string> = {
  json: 'bench.keepsake.json',
  msgpack: 'bench.keepsake',
}

/**
 * Waits until the app's runtime has saved its full search index for the open space: the
 * background work that follows an import or a start is over, so the next timing starts idle.
 */
export async function waitIndexed(app: AppDevice, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    const status = await app.request<{ spaceId: string }>('app.status', {})
    const done = await app.page.evaluate(async (spaceId) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(`keepsake-space-${spaceId}`)
        r.onsuccess = () => resolve(r.result)
        r.onerror = () => reject(r.error)
      })
      try {
        const tx = db.transaction(['caches', 'messages', 'messagePages'], 'readonly')
        // Inline promises: tsx would wrap a named helper in a function the page does not have.
        const snapshot = await new Promise<{ value?: unknown } | undefined>((resolve, reject) => {
          const r = tx.objectStore('caches').get('search-index')
          r.onsuccess = () => resolve(r.result as { value?: unknown } | undefined)
          r.onerror = () => reject(r.error)
        })
        let seq = 0
        // Messages in pages, and rows a space from before pages still holds.
        for (const store of ['messages', 'messagePages']) {
          const last = await new Promise<IDBCursorWithValue | null>((resolve, reject) => {
            const r = tx.objectStore(store).index('seq').openCursor(null, 'prev')
            r.onsuccess = () => resolve(r.result)
            r.onerror = () => reject(r.error)
          })
          seq = Math.max(seq, (last?.value as { seq?: number } | undefined)?.seq ?? 0)
        }
        // The saved index's header (renderer/runtime/docs/saved-index.ts), or the whole snapshot of
        // older builds, is a JSON string holding its watermark: a checkpoint `{"cursor":N,…}`
        // (renderer/runtime/search/checkpoint.ts), or a bare N from older builds still.
        const value = snapshot?.value as { header?: unknown } | string | undefined
        const saved = typeof value === 'string' ? value : value?.header
        const head = typeof saved === 'string' ? saved.slice(0, 300) : ''
        const found = /"watermark":"(?:(\d+)"|\{\\"cursor\\":(\d+))/.exec(head)
        const mark = Number(found?.[1] ?? found?.[2] ?? -1)
        // A space with no messages has nothing to index (and may never save an index).
        return seq === 0 || mark >= seq
      } finally {
        db.close()
      }
    }, status.value?.spaceId ?? '')
    if (done) return true
    await new Promise((r) => setTimeout(r, 500))
  }
  return false
}

/** Messages per page row in the raw IndexedDB baselines. */
const RAW_PAGE_SIZE = 500

/**
 * The raw IndexedDB baselines of issue 17, in the bench's own Chromium (same binary, same run):
 * import (decode + page writes) and export (read pages + encode), then the app's import stage by stage.
 */
async function rawBaselines(
  ctx: BenchContext,
  file: Uint8Array,
): Promise<{
  import: RunSpread
  export: RunSpread
  stages: { stage: string; ms: number }[]
  stagesMessages: number
}> {
  const bench = ctx.bench
  await bench.open()
  await putPageFile(bench.page, 'msgpack', file)
  const imports: number[] = []
  const exports: number[] = []
  const dbName = 'bench-raw-import'
  for (let run = 0; run < ctx.sizes.files.runs; run++) {
    const wrote = await bench.call('rawImport', {
      key: 'msgpack',
      dbName,
      pageSize: RAW_PAGE_SIZE,
    })
    imports.push(wrote.ms)
    exports.push((await bench.call('rawExport', dbName)).ms)
  }
  await bench.call('rawDrop', dbName)
  const spaceId = 'bench-import-stages'
  await bench.call('drop', spaceId)
  const profile = await bench.call('importStages', { key: 'msgpack', spaceId })
  await bench.call('drop', spaceId)
  await bench.open()
  return {
    import: overRuns(imports),
    export: overRuns(exports),
    stages: profile.stages,
    stagesMessages: profile.messages,
  }
}

function timeIt<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now()
  return run().then((value) => ({ ms: performance.now() - t, value }))
}

/**
 * Row 4: export and import of a whole space in the real app (browser host, SharedWorker runtime),
 * JSON and msgpack side by side in each run; then the shipped CLI validating both files; then the
 * codecs alone in Node, to say what the article's "msgpack is 5× faster" looks like here.
 * Leaves the app holding the big space (row 7 uses it).
 */
export async function sessionFilesRow(ctx: BenchContext, app: AppDevice): Promise<SessionData> {
  const { sizes, figures } = ctx
  const settle = async (): Promise<void> => {
    // The smoke run has no time for the index's 15 s save delay; its numbers are not the point.
    if (!ctx.smoke && !(await waitIndexed(app, 300_000)))
      console.warn('  the search index did not settle')
  }
  const data = generateSession({
    messages: sizes.files.messages,
    facts: sizes.files.facts,
    nowMs: ctx.nowMs,
  })
  const generated = await writeSessionFile(data, 'json', nodeGzip)
  await app.putFile('generated', generated)
  const seeded = await app.importFile('generated', FILE_NAME.json, 'new-space')
  if (!seeded.answer.ok)
    throw new Error(`import of the generated file failed: ${seeded.answer.error?.message}`)
  figures.add({
    row: 4,
    label: `${count(sizes.files.messages)}-msg file without Yjs states (importer output) · import JSON`,
    value: ms(seeded.ms),
    spread: '1 run (setup)',
    note: `${bytes(generated.length)}; the app builds the documents itself`,
    data: { ms: seeded.ms, size: generated.length },
  })
  await app.reload()
  await app.dropOtherSpaces()
  await settle()

  const times: Record<Encoding, { export: number[]; import: number[] }> = {
    json: { export: [], import: [] },
    msgpack: { export: [], import: [] },
  }
  const sizesOf: Record<Encoding, number> = { json: 0, msgpack: 0 }
  /** The UI page's tasks over 50 ms during each msgpack import. */
  const uiLongTasks: number[][] = []
  for (let run = 0; run < sizes.files.runs; run++) {
    for (const encoding of run % 2 === 0 ? ENCODINGS : [...ENCODINGS].reverse()) {
      const exported = await app.exportSpace(encoding, encoding)
      if (!exported.answer.ok) throw new Error(`export failed: ${exported.answer.error?.message}`)
      times[encoding].export.push(exported.ms)
      sizesOf[encoding] = exported.size
    }
    for (const encoding of run % 2 === 0 ? ENCODINGS : [...ENCODINGS].reverse()) {
      const watch = encoding === 'msgpack'
      const imported = await app.importFile(encoding, FILE_NAME[encoding], 'new-space', watch)
      if (!imported.answer.ok) throw new Error(`import failed: ${imported.answer.error?.message}`)
      times[encoding].import.push(imported.ms)
      if (watch) uiLongTasks.push(imported.longTasks)
      await settle()
    }
    // Keeps the exported files (the page's memory) for the CLI below.
    if (run < sizes.files.runs - 1) {
      await app.reload()
      await app.dropOtherSpaces()
      await settle()
    }
  }
  const files: Record<Encoding, Uint8Array> = {
    json: await app.getFile('json'),
    msgpack: await app.getFile('msgpack'),
  }
  await app.reload()
  await app.dropOtherSpaces()

  const baseline = await rawBaselines(ctx, files.msgpack)

  const where = `${count(sizes.files.messages)} msgs, ${count(sizes.files.facts)} facts`
  for (const op of ['export', 'import'] as const) {
    for (const encoding of ENCODINGS) {
      const spread = overRuns(times[encoding][op])
      figures.add({
        row: 4,
        label: `app ${op} · ${where} · ${encoding}`,
        value: ms(spread.median),
        spread: runs(spread, ms),
        note: `${bytes(sizesOf[encoding])}${op === 'import' ? '; new space, then the runtime reopens on it' : ''}`,
        data: { op, encoding, spread, size: sizesOf[encoding] },
      })
    }
    const j = overRuns(times.json[op]).median
    const m = overRuns(times.msgpack[op]).median
    figures.add({
      row: 4,
      label: `app ${op} · JSON ÷ msgpack time`,
      value: ratio(j / m),
      spread: `${ms(j)} vs ${ms(m)}`,
      note: j / m >= 1 ? 'msgpack faster' : 'JSON faster (msgpack files are also gzipped)',
      data: { op, json: j, msgpack: m },
    })
  }
  const longest = overRuns(uiLongTasks.map((l) => (l.length === 0 ? 0 : Math.max(...l))))
  const show = (v: number): string => (v === 0 ? 'none ≥ 50 ms' : ms(v))
  const longCounts = uiLongTasks.map((l) => l.length).join(', ')
  figures.add({
    row: 4,
    label: `app import · ${where} · msgpack · UI main thread: longest task`,
    value: show(longest.median),
    spread: `${show(longest.min)} – ${show(longest.max)} (${longest.runs} run${longest.runs === 1 ? '' : 's'}; tasks ≥ 50 ms per run: ${longCounts})`,
    note: "PerformanceObserver 'longtask' in the UI page, request → 2 s after the answer; goal: none over 50 ms",
    data: { longest, uiLongTasks },
  })
  for (const op of ['import', 'export'] as const) {
    const app = overRuns(times.msgpack[op]).median
    const raw = baseline[op].median
    figures.add({
      row: 4,
      label: `app ${op} ÷ raw IndexedDB baseline · msgpack`,
      value: ratio(app / raw),
      spread: `${ms(app)} vs ${ms(raw)} (${ms(baseline[op].min)}–${ms(baseline[op].max)}, ${baseline[op].runs} runs)`,
      note:
        op === 'import'
          ? `baseline: same bytes, decoded, messages put as ${RAW_PAGE_SIZE}-message pages in strict transactions (goal ≤ 3×)`
          : 'baseline: those pages read back and encoded as .keepsake (goal ≤ 3×)',
      data: { op, app, baseline: baseline[op] },
    })
  }
  for (const s of baseline.stages) {
    figures.add({
      row: 4,
      label: `app import stage · ${s.stage}`,
      value: ms(s.ms),
      spread: '1 run (profile)',
      note: `runtime modules in the bench page, msgpack file, ${count(baseline.stagesMessages)} msgs`,
      data: s,
    })
  }
  figures.add({
    row: 4,
    label: 'file size · JSON ÷ msgpack',
    value: ratio(sizesOf.json / sizesOf.msgpack),
    spread: `${bytes(sizesOf.json)} vs ${bytes(sizesOf.msgpack)}`,
    note: 'JSON is pretty-printed with Yjs states in base64; .keepsake is msgpack + gzip',
    data: sizesOf,
  })

  // The CLI as shipped: a fresh Node process per run, like a person running `keepsake validate`.
  const cli: Record<Encoding, number[]> = { json: [], msgpack: [] }
  for (const encoding of ENCODINGS)
    await writeFile(join(ctx.workDir, FILE_NAME[encoding]), files[encoding])
  for (let run = 0; run < sizes.files.runs; run++) {
    for (const encoding of ENCODINGS) {
      const r = await runCliTimed(['validate', join(ctx.workDir, FILE_NAME[encoding])])
      if (r.code !== 0) throw new Error(`keepsake validate failed: ${r.stderr.slice(0, 300)}`)
      cli[encoding].push(r.ms)
    }
  }
  for (const encoding of ENCODINGS) {
    const spread = overRuns(cli[encoding])
    figures.add({
      row: 4,
      label: `CLI \`keepsake validate\` · ${encoding}`,
      value: ms(spread.median),
      spread: runs(spread, ms),
      note: 'whole process: Node start, read, decode, migrate, validate, Yjs agreement',
      data: { encoding, spread },
    })
  }

  // The codecs alone, in this Node process, on the app's exported file.
  const read = await readSessionFile(files.json, nodeGzip)
  if (!read.ok)
    throw new Error(`the exported JSON does not read back: ${read.problems[0]?.message}`)
  // The records alone (no Yjs states): JSON.stringify would spell a byte array out key by key.
  const envelope = toEnvelopeValue({
    ...read.value.data,
    yjs: null,
    conversations: read.value.data.conversations.map((c) => ({ ...c, yjs: null })),
  })
  // Configured as the app's codec is (shared/session/codec.ts): plain msgpack, no records.
  const packr = new Packr({ useRecords: false, moreTypes: false, structuredClone: false })
  const unpackr = new Unpackr({ useRecords: false, moreTypes: false, structuredClone: false })
  const codec: Record<string, number[]> = {}
  const record = (key: string, value: number): void => void (codec[key] ??= []).push(value)
  // Run 0 warms the JIT up and is not counted.
  for (let run = 0; run <= Math.max(5, sizes.files.runs); run++) {
    const push = run === 0 ? (): void => undefined : record
    for (const encoding of ENCODINGS) {
      const enc = await timeIt(() => writeSessionFile(read.value.data, encoding, nodeGzip))
      push(`write ${encoding}`, enc.ms)
      const dec = await timeIt(() => readSessionFile(enc.value, nodeGzip))
      push(`read ${encoding}`, dec.ms)
    }
    const text = await timeIt(async () => JSON.stringify(envelope))
    push('raw JSON.stringify', text.ms)
    push('raw JSON.parse', (await timeIt(async () => JSON.parse(text.value) as unknown)).ms)
    const packed = await timeIt(async () => packr.pack(envelope))
    push('raw msgpack pack', packed.ms)
    push(
      'raw msgpack unpack',
      (await timeIt(async () => unpackr.unpack(packed.value) as unknown)).ms,
    )
  }
  const pair = (label: string, jsonKey: string, msgpackKey: string, note: string): void => {
    const j = overRuns(codec[jsonKey] ?? [])
    const m = overRuns(codec[msgpackKey] ?? [])
    figures.add({
      row: 4,
      label,
      value: ratio(j.median / m.median),
      spread: `JSON ${ms(j.median)} (${ms(j.min)}–${ms(j.max)}) vs msgpack ${ms(m.median)} (${ms(m.min)}–${ms(m.max)}), ${j.runs} runs`,
      note,
      data: { json: j, msgpack: m },
    })
  }
  pair(
    'Node, write session file · JSON ÷ msgpack time',
    'write json',
    'write msgpack',
    'as shipped: msgpack includes gzip',
  )
  pair(
    'Node, read + validate file · JSON ÷ msgpack time',
    'read json',
    'read msgpack',
    'decode, migrate, validate, Yjs agreement',
  )
  pair(
    'Node, serializer alone, encode · JSON ÷ msgpack',
    'raw JSON.stringify',
    'raw msgpack pack',
    "records only; the article's claim is 5× (msgpackr vs JSON.stringify)",
  )
  pair(
    'Node, serializer alone, decode · JSON ÷ msgpack',
    'raw JSON.parse',
    'raw msgpack unpack',
    'records only; msgpackr unpack vs JSON.parse',
  )
  return data
}
