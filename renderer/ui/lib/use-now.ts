import { useSyncExternalStore } from 'react'

/** How often relative times ("just now", "5 min ago") are drawn again. */
const TICK_MS = 30_000

let now = new Date()
const listeners = new Set<() => void>()
let timer: ReturnType<typeof setInterval> | null = null

const subscribe = (listener: () => void): (() => void) => {
  listeners.add(listener)
  if (timer === null)
    timer = setInterval(() => {
      now = new Date()
      for (const l of listeners) l()
    }, TICK_MS)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer)
      timer = null
    }
  }
}

/**
 * The current time, renewed every 30 seconds for every component that shows a relative time, so
 * "just now" ages on screen. One timer serves them all, and only while one is mounted.
 */
export function useNow(): Date {
  return useSyncExternalStore(subscribe, () => now)
}
