import { describe, expect, it } from 'vitest'
import { readLaunchEnv } from '../../../electron/main/launch-env'

describe('readLaunchEnv', () => {
  it('accepts no profile override, or an absolute one', () => {
    expect(readLaunchEnv({ PATH: '/usr/bin' }).ok).toBe(true)
    const result = readLaunchEnv({ KEEPSAKE_USER_DATA_DIR: '/tmp/profile-1' })
    expect(result.ok && result.value.KEEPSAKE_USER_DATA_DIR).toBe('/tmp/profile-1')
  })

  it('refuses a relative profile directory, naming the variable', () => {
    const result = readLaunchEnv({ KEEPSAKE_USER_DATA_DIR: 'profile' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.path).toBe('env.KEEPSAKE_USER_DATA_DIR')
  })
})
