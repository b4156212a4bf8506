import { describe, expect, it } from 'vitest'
import { err, ok } from '../../../shared/errors'
import { hostRelayGate } from '../../../renderer/runtime/sync-service/relay-gate'

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5))

describe('hostRelayGate', () => {
  it('restarts the runtime, after answering, only when the host newly allowed the relay', async () => {
    let restarts = 0
    let known = false
    const gate = hostRelayGate(
      {
        allowRelay: async () => {
          const added = !known
          known = true
          return ok({ added })
        },
      },
      () => void (restarts += 1),
    )
    expect(await gate('ws://127.0.0.1:5171')).toEqual({ ok: true, value: 'restarting' })
    expect(restarts).toBe(0)
    await settle()
    expect(restarts).toBe(1)
    expect(await gate('ws://127.0.0.1:5171')).toEqual({ ok: true, value: 'ready' })
    await settle()
    expect(restarts).toBe(1)
  })

  it('passes a refusal on with what was refused, and does not restart', async () => {
    let restarts = 0
    const gate = hostRelayGate(
      { allowRelay: async () => err('validation', 'a relay URL starts with ws://', 'relayUrl') },
      () => void (restarts += 1),
    )
    const r = await gate('http://nope')
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: 'This relay cannot be allowed: a relay URL starts with ws://',
        path: 'relayUrl',
      },
    })
    await settle()
    expect(restarts).toBe(0)
  })
})
