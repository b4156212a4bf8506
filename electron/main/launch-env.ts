import { isAbsolute } from 'node:path'
import { z } from 'zod'
import type { Result } from '../../shared/errors'
import { check } from '../../shared/validation'

/** Environment the Electron main process reads at launch. */
export const LaunchEnv = z.looseObject({
  /** A separate profile (`userData`) directory: tests and second profiles. Must be absolute. */
  KEEPSAKE_USER_DATA_DIR: z
    .string()
    .min(1)
    .refine((dir) => isAbsolute(dir), { message: 'must be an absolute path' })
    .optional(),
})
export type LaunchEnv = z.infer<typeof LaunchEnv>

/** Validates the launch environment; a bad value is a `validation` error naming the variable. */
export function readLaunchEnv(env: NodeJS.ProcessEnv): Result<LaunchEnv> {
  return check(LaunchEnv, env, 'env')
}
