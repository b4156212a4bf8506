import { z } from 'zod'
import { AppError } from '../errors'

/** Frames on a runtime port. Payloads are checked again against the contract by name. */
export const WireFrame = z.discriminatedUnion('t', [
  z.object({ t: z.literal('req'), id: z.number().int(), name: z.string(), input: z.unknown() }),
  z.object({
    t: z.literal('res'),
    id: z.number().int(),
    result: z.union([
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: AppError }),
    ]),
  }),
  z.object({ t: z.literal('evt'), name: z.string(), payload: z.unknown() }),
])
export type WireFrame = z.infer<typeof WireFrame>

/** The smallest port both a DOM MessagePort and a test double satisfy. */
export interface PortLike {
  postMessage(message: unknown): void
  /** Hands `transfer` over instead of copying it. */
  postMessage(message: unknown, transfer: ArrayBuffer[]): void
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void
  start?(): void
}
