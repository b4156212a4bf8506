import { describe, expect, it } from 'vitest'
import { err, ok, type Result } from '../../../shared/errors'
import type { RelayOptions } from '../../../electron/relay/relay-options'
import { createRelayControl, type RunningRelayLike } from '../../../electron/services/relay-control'

const setup = (options: { fail?: boolean; lanAddress?: string } = {}) => {
  const started: RelayOptions[] = []
  let stops = 0
  const control = createRelayControl({
    dataDir: '/profile/relay',
    defaultPort: 5171,
    lanAddress: () => options.lanAddress,
    startRelay: async (opts): Promise<Result<RunningRelayLike>> => {
      started.push(opts)
      if (options.fail === true) return err('storage', 'port in use')
      const port = opts.port === 0 || opts.port === undefined ? 40000 : opts.port
      return ok({
        url: `ws://${opts.host ?? '127.0.0.1'}:${port}`,
        port,
        stop: async () => {
          stops += 1
        },
      })
    },
  })
  return { control, started, stops: () => stops }
}

describe('createRelayControl', () => {
  it('starts on loopback by default and reports its URL', async () => {
    const t = setup()
    expect(t.control.status()).toEqual({ running: false, url: null })
    await expect(t.control.start({ lan: false })).resolves.toEqual(
      ok({ url: 'ws://127.0.0.1:5171' }),
    )
    expect(t.started).toEqual([{ host: '127.0.0.1', port: 5171, dataDir: '/profile/relay' }])
    expect(t.control.status()).toEqual({ running: true, url: 'ws://127.0.0.1:5171' })
  })

  it('listens on every interface for the LAN and gives the address other laptops dial', async () => {
    const t = setup({ lanAddress: '192.168.1.23' })
    await expect(t.control.start({ lan: true, port: 6000 })).resolves.toEqual(
      ok({ url: 'ws://192.168.1.23:6000' }),
    )
    expect(t.started[0]?.host).toBe('0.0.0.0')
  })

  it('returns the running relay for the same request and restarts it for another', async () => {
    const t = setup()
    await t.control.start({ lan: false })
    await t.control.start({ lan: false })
    expect(t.started).toHaveLength(1)
    await t.control.start({ lan: true })
    expect(t.started).toHaveLength(2)
    expect(t.stops()).toBe(1)
  })

  it('handles concurrent starts one after the other', async () => {
    const t = setup()
    await Promise.all([t.control.start({ lan: false }), t.control.start({ lan: false })])
    expect(t.started).toHaveLength(1)
  })

  it('passes a failure through and stays stopped', async () => {
    const t = setup({ fail: true })
    const result = await t.control.start({ lan: false })
    expect(result).toEqual(err('storage', 'port in use'))
    expect(t.control.status()).toEqual({ running: false, url: null })
  })

  it('stops, and stopping again succeeds', async () => {
    const t = setup()
    await t.control.start({ lan: false })
    await expect(t.control.stop()).resolves.toEqual(ok(undefined))
    await expect(t.control.stop()).resolves.toEqual(ok(undefined))
    expect(t.stops()).toBe(1)
    expect(t.control.status().running).toBe(false)
  })
})
