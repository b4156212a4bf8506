import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const BIN = fileURLToPath(new URL('../../../electron/cli/bin.mjs', import.meta.url))
const BUILT = fileURLToPath(new URL('../../../out/main/cli.js', import.meta.url))

/** Fails with the fix when the CLI has not been built (these tests run the built CLI). */
export function requireBuiltCli(): void {
  if (!existsSync(BUILT))
    throw new Error(
      'out/main/cli.js is missing: run `npx electron-vite build --config electron.config.ts` first',
    )
}

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs `node <bin> ...args` as a subprocess, like `npx keepsake ...args`. */
export function runCli(args: readonly string[], bin: string = BIN): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
        resolve({ code, stdout, stderr })
      },
    )
  })
}
