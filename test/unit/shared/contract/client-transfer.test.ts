import { MessageChannel } from 'node:worker_threads'
import { expect, test } from 'vitest'
import { createRuntimeClient } from '../../../../shared/contract/client'
import type { PortLike } from '../../../../shared/contract/wire'

/** The runtime's end of the port: keeps the first request it is sent. */
function runtimeEnd(port: MessageChannel['port2']): Promise<{ input: { bytes: Uint8Array } }> {
  return new Promise((resolve) => port.once('message', resolve))
}

test('a file sent for import is handed to the runtime, not copied: the window keeps no bytes of it', async () => {
  const { port1, port2 } = new MessageChannel()
  const client = createRuntimeClient(port1 as unknown as PortLike)
  const bytes = new Uint8Array(1024 * 1024).fill(7)
  const received = runtimeEnd(port2)
  void client.request(
    'files.import',
    { fileName: 'conversations.json', bytes, mode: 'new-space' },
    { transfer: [bytes.buffer] },
  )
  const frame = await received
  expect(frame.input.bytes.length).toBe(1024 * 1024)
  expect(frame.input.bytes[1000]).toBe(7)
  expect(bytes.byteLength).toBe(0)
  port1.close()
})

test('without a transfer list a request copies its input, as before', async () => {
  const { port1, port2 } = new MessageChannel()
  const client = createRuntimeClient(port1 as unknown as PortLike)
  const bytes = new Uint8Array(16).fill(1)
  const received = runtimeEnd(port2)
  void client.request('files.import', { fileName: 'a.keepsake', bytes, mode: 'merge' })
  expect((await received).input.bytes.length).toBe(16)
  expect(bytes.byteLength).toBe(16)
  port1.close()
})

test('once the runtime says it is reloading, a request in flight and any later one end with restarting, never hang', async () => {
  const { port1, port2 } = new MessageChannel()
  const client = createRuntimeClient(port1 as unknown as PortLike)
  const received = runtimeEnd(port2 as unknown as MessageChannel['port2'])
  const inFlight = client.request('memory.list', {})
  await received
  port2.postMessage({
    t: 'evt',
    name: 'runtime.restarting',
    payload: { reason: 'a sync relay was allowed' },
  })
  expect(await inFlight).toMatchObject({ ok: false, error: { code: 'restarting' } })
  expect(await client.request('memory.list', {})).toMatchObject({
    ok: false,
    error: { code: 'restarting' },
  })
  port1.close()
})
