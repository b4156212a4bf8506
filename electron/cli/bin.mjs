#!/usr/bin/env node
// The `keepsake` command (package.json "bin"). It runs the built CLI, out/main/cli.js.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const built = new URL('../../out/main/cli.js', import.meta.url)
if (!existsSync(fileURLToPath(built))) {
  console.error('keepsake: the CLI is not built yet. In the Keepsake folder, run:')
  console.error('  npm run build')
  console.error('(or: npx electron-vite build --config electron.config.ts), then try again.')
  process.exit(2)
}
const { runCli } = await import(built.href)
process.exitCode = await runCli(process.argv.slice(2))
