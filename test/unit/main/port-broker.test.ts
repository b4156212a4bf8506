import { describe, expect, it } from 'vitest'
import { createPortBroker } from '../../../electron/main/port-broker'
import { fakeChannels, type FakePort } from './fake-windows'

const runtime = (id: number) => {
  const connects: { windowId: number; port: FakePort }[] = []
  return {
    id,
    connects,
    connect: (windowId: number, port: FakePort) => connects.push({ windowId, port }),
  }
}
const ui = (id: number) => {
  const ports: FakePort[] = []
  return { id, ports, receivePort: (port: FakePort) => ports.push(port) }
}

describe('createPortBroker', () => {
  it('waits for the runtime, then gives every loaded UI window its own channel', () => {
    const channels = fakeChannels()
    const broker = createPortBroker(channels.create)
    const a = ui(10)
    const b = ui(11)
    broker.uiReady(a)
    broker.uiReady(b)
    expect(channels.count()).toBe(0)

    const r = runtime(1)
    broker.runtimeReady(r)
    expect(r.connects).toEqual([
      { windowId: 10, port: 'c1.port1' },
      { windowId: 11, port: 'c2.port1' },
    ])
    expect(a.ports).toEqual(['c1.port2'])
    expect(b.ports).toEqual(['c2.port2'])
  })

  it('connects a UI page that loads while the runtime is ready, and again when it reloads', () => {
    const broker = createPortBroker(fakeChannels().create)
    const r = runtime(1)
    broker.runtimeReady(r)
    const a = ui(10)
    broker.uiReady(a)
    broker.uiReady(a)
    expect(a.ports).toEqual(['c1.port2', 'c2.port2'])
    expect(r.connects.map((c) => c.windowId)).toEqual([10, 10])
  })

  it('gives every UI window a new port from the restarted runtime', () => {
    const broker = createPortBroker(fakeChannels().create)
    const a = ui(10)
    broker.runtimeReady(runtime(1))
    broker.uiReady(a)
    broker.runtimeGone()
    const restarted = runtime(2)
    broker.runtimeReady(restarted)
    expect(a.ports).toEqual(['c1.port2', 'c2.port2'])
    expect(restarted.connects).toEqual([{ windowId: 10, port: 'c2.port1' }])
  })

  it('holds UI pages while the runtime is gone and forgets closed windows', () => {
    const broker = createPortBroker(fakeChannels().create)
    const a = ui(10)
    const b = ui(11)
    broker.runtimeGone()
    broker.uiReady(a)
    broker.uiReady(b)
    broker.uiClosed(11)
    const r = runtime(2)
    broker.runtimeReady(r)
    expect(r.connects.map((c) => c.windowId)).toEqual([10])
    expect(b.ports).toEqual([])
  })
})
