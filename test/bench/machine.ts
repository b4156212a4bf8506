import { cpus, loadavg, platform, release, totalmem } from 'node:os'

/** The machine a bench ran on, printed above the table and saved with the results. */
export interface Machine {
  cpu: string
  cores: number
  ramGiB: number
  os: string
  node: string
  chromium: string
  /** 1-minute load average when the bench started and when it ended (other work on the machine). */
  loadAtStart: number
  loadAtEnd: number | null
}

export function describeMachine(chromium: string): Machine {
  const list = cpus()
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium,
    loadAtStart: loadavg()[0] ?? 0,
    loadAtEnd: null,
  }
}

export const currentLoad = (): number => loadavg()[0] ?? 0
