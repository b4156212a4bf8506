import type { Redis } from '@hocuspocus/extension-redis'
import type { SharedCredentials } from './credential-store'

/**
 * Credential registration shared through the Redis the instances already use (SET NX, then GET); a
 * retired space is a key of its own, and the handover left with it another.
 */
export function redisCredentials(redis: Redis, prefix: string): SharedCredentials {
  return {
    async registerOrGet(spaceId, hash) {
      const key = `${prefix}:credential:${spaceId}`
      await redis.pub.set(key, hash, 'NX')
      return redis.pub.get(key)
    },
    registered: (spaceId) => redis.pub.get(`${prefix}:credential:${spaceId}`),
    async retire(spaceId, handover) {
      await redis.pub.set(`${prefix}:retired:${spaceId}`, '1')
      if (handover !== null) await redis.pub.set(`${prefix}:handover:${spaceId}`, handover)
    },
    async isRetired(spaceId) {
      return (await redis.pub.get(`${prefix}:retired:${spaceId}`)) !== null
    },
    handoverOf: (spaceId) => redis.pub.get(`${prefix}:handover:${spaceId}`),
  }
}
