import { describe, expect, it } from 'vitest'
import { createUiWindows } from '../../../electron/main/ui-windows'
import { fakeUiFactory, type FakePort } from './fake-windows'

const setup = () => {
  const factory = fakeUiFactory()
  const readied: number[] = []
  const closed: number[] = []
  let lastClosed = 0
  const windows = createUiWindows<FakePort>({
    open: factory.open,
    broker: {
      uiReady: (ui) => readied.push(ui.id),
      uiClosed: (id) => closed.push(id),
    },
    onLastClosed: () => {
      lastClosed += 1
    },
  })
  return { windows, factory, readied, closed, lastClosed: () => lastClosed }
}

describe('createUiWindows', () => {
  it('hands each page load to the broker', () => {
    const t = setup()
    t.windows.open()
    const [a] = t.factory.opened
    a?.events.loaded()
    a?.events.loaded()
    expect(t.readied).toEqual([a?.id, a?.id])
  })

  it('sends menu commands to the most recently focused window', () => {
    const t = setup()
    t.windows.open()
    t.windows.open()
    const [a, b] = t.factory.opened
    if (a === undefined || b === undefined) throw new Error('two windows expected')
    a.events.loaded()
    b.events.loaded()
    t.windows.deliver({ command: 'export' })
    expect(b.commands).toEqual([{ command: 'export' }])
    a.events.focused()
    t.windows.deliver({ command: 'import' })
    expect(a.commands).toEqual([{ command: 'import' }])
  })

  it('opens a window for a deep link when none is open and delivers it once the page loaded', () => {
    const t = setup()
    t.windows.deliver({ command: 'pair', code: 'abc' })
    const [ui] = t.factory.opened
    if (ui === undefined) throw new Error('a window should have opened')
    expect(ui.commands).toEqual([])
    ui.events.loaded()
    expect(ui.commands).toEqual([{ command: 'pair', code: 'abc' }])
    ui.events.loaded()
    expect(ui.commands).toHaveLength(1)
  })

  it('focuses the existing window on a second launch instead of opening another', () => {
    const t = setup()
    t.windows.open()
    const again = t.windows.focusOrOpen()
    expect(t.factory.opened).toHaveLength(1)
    expect(t.factory.opened[0]?.focusCount).toBe(1)
    expect(again.id).toBe(t.factory.opened[0]?.id)
  })

  it('reports the last UI window closing, once', () => {
    const t = setup()
    t.windows.open()
    t.windows.open()
    const [a, b] = t.factory.opened
    a?.events.closed()
    expect(t.lastClosed()).toBe(0)
    expect(t.windows.count()).toBe(1)
    b?.events.closed()
    b?.events.closed()
    expect(t.lastClosed()).toBe(1)
    expect(t.closed).toEqual([a?.id, b?.id])
    expect(t.windows.ids()).toEqual(new Set())
  })
})
