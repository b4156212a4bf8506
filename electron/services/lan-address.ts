import { networkInterfaces } from 'node:os'

/**
 * The first non-internal IPv4 address of this machine (what another laptop on the same network
 * dials), or `undefined` when it has none.
 */
export function lanAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address
    }
  }
  return undefined
}
