import type { z } from 'zod'

/** One request: what the caller sends and what comes back inside a `Result`. */
export type RequestSpec = { input: z.ZodType; output: z.ZodType }

/** Declares a group of requests; keeps literal keys so `keyof` works on the merged contract. */
export const defineRequests = <T extends Record<string, RequestSpec>>(specs: T): T => specs

/** Declares a group of events the runtime pushes to every connected window. */
export const defineEvents = <T extends Record<string, z.ZodType>>(specs: T): T => specs
