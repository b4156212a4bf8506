import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const here = (p: string): string => resolve(import.meta.dirname, p)

/**
 * One build for both hosts. `out/main` holds every Node entry (Electron main, the browser host, the
 * relay and the CLI), `out/preload` the sandboxed preloads (CommonJS, as sandboxing requires) and
 * `out/renderer` the UI and the runtime pages.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: here('electron/main/index.ts'),
          host: here('electron/host/index.ts'),
          relay: here('electron/relay/index.ts'),
          cli: here('electron/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: {
          ui: here('electron/preload/ui.ts'),
          runtime: here('electron/preload/runtime.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: here('renderer'),
    plugins: [react()],
    worker: { format: 'es' },
    build: {
      outDir: here('out/renderer'),
      emptyOutDir: true,
      rollupOptions: {
        input: {
          index: here('renderer/index.html'),
          runtime: here('renderer/runtime.html'),
        },
      },
    },
  },
})
