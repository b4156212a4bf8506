// Test-only preload (node --expose-gc --import heap-probe.mjs): answers 'heap' on the IPC channel with
// the bytes still reachable after a full garbage collection (V8 heap plus Buffers and ArrayBuffers).
process.on('message', (message) => {
  if (message !== 'heap') return
  globalThis.gc()
  globalThis.gc()
  const { heapUsed, external } = process.memoryUsage()
  process.send({ heap: heapUsed + external })
})
// The IPC channel must not keep a relay alive after it stops.
process.channel?.unref()
