import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseRelayArgs } from '../../../electron/relay/cli-args'

const run = (args: string[]) => {
  const parsed = parseRelayArgs(args)
  if (!parsed.ok) throw new Error(parsed.error.message)
  if (parsed.value.kind !== 'run') throw new Error('expected run')
  return parsed.value.options
}

const usageError = (args: string[]): string => {
  const parsed = parseRelayArgs(args)
  if (parsed.ok) throw new Error('expected a usage error')
  expect(parsed.error.code).toBe('validation')
  return parsed.error.message
}

describe('relay command line', () => {
  it('has loopback defaults', () => {
    expect(run([])).toEqual({
      port: 5171,
      host: '127.0.0.1',
      dataDir: join(homedir(), '.keepsake', 'relay'),
      redis: undefined,
      maxMessageBytes: 32 * 1024 * 1024,
      maxConnectionsPerMinute: 120,
      allowedOrigins: [],
      maxPendingBytes: 256 * 1024,
      authDeadlineMs: 10_000,
      maxSpaceBytes: 512 * 1024 * 1024,
      maxNewSpacesPerConnection: 4,
      maxNewSpacesPerHour: 30,
    })
  })

  it('reads every option', () => {
    const options = run([
      '--port=0',
      '--lan',
      '--data-dir',
      'relay-data',
      '--redis-host',
      'redis.local',
      '--redis-port',
      '6380',
      '--max-message-bytes',
      '4096',
      '--max-connections-per-minute',
      '5',
      '--auth-deadline-ms',
      '2000',
      '--allow-origin',
      'https://keepsake.example/',
      '--allow-origin',
      'http://laptop.local:8080',
    ])
    expect(options).toEqual({
      port: 0,
      host: '0.0.0.0',
      dataDir: resolve('relay-data'),
      redis: { host: 'redis.local', port: 6380 },
      maxMessageBytes: 4096,
      maxConnectionsPerMinute: 5,
      allowedOrigins: ['https://keepsake.example', 'http://laptop.local:8080'],
      maxPendingBytes: 256 * 1024,
      authDeadlineMs: 2000,
      maxSpaceBytes: 512 * 1024 * 1024,
      maxNewSpacesPerConnection: 4,
      maxNewSpacesPerHour: 30,
    })
  })

  it('expands ~ and fills in the Redis defaults', () => {
    expect(run(['--data-dir', '~/relay']).dataDir).toBe(join(homedir(), 'relay'))
    expect(run(['--redis-port', '7000']).redis).toEqual({ host: '127.0.0.1', port: 7000 })
    expect(run(['--redis-host', 'r']).redis).toEqual({ host: 'r', port: 6379 })
    expect(run(['--host', '::1']).host).toBe('::1')
  })

  it('answers --help', () => {
    expect(parseRelayArgs(['--help'])).toEqual({ ok: true, value: { kind: 'help' } })
    expect(parseRelayArgs(['-h'])).toEqual({ ok: true, value: { kind: 'help' } })
  })

  it('names the option in each usage error', () => {
    expect(usageError(['--port', 'abc'])).toMatch(/^--port: expected a whole number/)
    expect(usageError(['--port', '70000'])).toMatch(/^--port:/)
    expect(usageError(['--lan', '--host', '10.0.0.2'])).toMatch(/--lan.*--host/)
    expect(usageError(['--bogus'])).toMatch(/--bogus/)
    expect(usageError(['--port'])).toMatch(/--port/)
    expect(usageError(['extra'])).toMatch(/extra/)
    expect(usageError(['--max-message-bytes', '10'])).toMatch(/^--max-message-bytes:/)
    expect(usageError(['--max-connections-per-minute', '0'])).toMatch(
      /^--max-connections-per-minute:/,
    )
  })
})
