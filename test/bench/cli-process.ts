import { spawn } from 'node:child_process'
import { resolve } from 'node:path'

/** The CLI as built and shipped (`keepsake` runs this file). */
export const CLI_ENTRY = resolve(import.meta.dirname, '../../out/main/cli.js')

/** Runs the built CLI once; resolves with its exit code, output and wall time (process start to exit). */
export function runCliTimed(
  args: string[],
): Promise<{ code: number | null; ms: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const t = performance.now()
    const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.once('error', fail)
    child.once('exit', (code) => done({ code, ms: performance.now() - t, stdout, stderr }))
  })
}
