// What `npm start` runs after the build: Electron when its binary can be had, otherwise the
// browser host. It never hangs on the binary: one download attempt, bounded by a timeout.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const electronDir = join(root, 'node_modules', 'electron')
const INSTALL_TIMEOUT_MS = 60_000
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP']

/** The Electron executable when it is on disk, else undefined. Never downloads. */
function electronBinary() {
  let relative = 'electron'
  try {
    relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim()
  } catch {
    if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) return undefined
  }
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist')
  const binary = join(dist, relative)
  return existsSync(binary) ? binary : undefined
}

/** Tries Electron's own lazy download once; returns why it failed (or undefined on success). */
function downloadElectron() {
  const installer = join(electronDir, 'install.js')
  if (!existsSync(installer)) return 'it is not installed'
  const result = spawnSync(process.execPath, [installer], {
    cwd: electronDir,
    stdio: 'ignore',
    timeout: INSTALL_TIMEOUT_MS,
  })
  if (result.error?.code === 'ETIMEDOUT') return 'its download timed out'
  if (result.error || result.status !== 0) return 'its download failed'
  return undefined
}

/** Runs `command` with inherited stdio, forwards signals to it, and exits as it exits. */
function run(command, args, env) {
  const child = spawn(command, args, { stdio: 'inherit', env })
  const forward = (signal) => child.kill(signal)
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward)
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => {
    for (const s of FORWARDED_SIGNALS) process.off(s, forward)
    if (signal) process.kill(process.pid, signal)
    else process.exit(code ?? 1)
  })
}

const args = process.argv.slice(2)
let binary = electronBinary()
let reason
if (binary === undefined) {
  reason = downloadElectron()
  binary = electronBinary()
}

if (binary !== undefined) {
  // Inherited from an Electron-run npm, this would turn Electron into plain Node.
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  run(binary, [root, ...args], env)
} else {
  console.log(
    `Electron is not available here (${reason ?? 'its download failed'}); starting the browser host instead.`,
  )
  run(process.execPath, [join(root, 'out', 'main', 'host.js'), ...args], process.env)
}
