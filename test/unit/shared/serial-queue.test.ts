import { describe, expect, it } from 'vitest'
import { serialQueue } from '../../../shared/serial-queue'

describe('serialQueue', () => {
  it('runs tasks one at a time in order, and a failure stops only its own task', async () => {
    const serial = serialQueue()
    const log: string[] = []
    let running = 0
    const task =
      (name: string, fail = false) =>
      async (): Promise<string> => {
        running++
        expect(running).toBe(1)
        await new Promise((r) => setTimeout(r, 5))
        log.push(name)
        running--
        if (fail) throw new Error(`${name} failed`)
        return name
      }
    const results = await Promise.allSettled([
      serial(task('a')),
      serial(task('b', true)),
      serial(task('c')),
    ])
    expect(log).toEqual(['a', 'b', 'c'])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(results[2]).toEqual({ status: 'fulfilled', value: 'c' })
  })
})
