import type { RuntimeClient } from '../../../shared/contract/client'
import { useApp } from './store'

/** The connected runtime client; actions run only after `attach`, so its absence is a bug. */
export const client = (): RuntimeClient => {
  const c = useApp.getState().client
  if (!c) throw new Error('runtime client used before connect')
  return c
}
