import type { Configuration } from 'electron-builder'

/**
 * Packaging for Linux (AppImage, deb), macOS (dmg) and Windows (nsis): `npm run package`. The app
 * is the electron-vite build in `out/` inside an asar, registered for `keepsake://` links, with
 * Electron's fuses set so the packaged binary cannot be turned into a general Node runtime.
 * `resources/` holds what packaging needs: the icon (`icon.png`, drawn by `make-icon.mjs`) and the
 * macOS entitlements.
 */
const config: Configuration = {
  appId: 'app.keepsake.desktop',
  productName: 'Keepsake',
  directories: { output: 'dist', buildResources: 'resources' },
  files: ['out/**/*', 'package.json', '!out/**/*.map'],
  asar: true,
  protocols: [{ name: 'Keepsake link', schemes: ['keepsake'] }],
  electronFuses: {
    // ELECTRON_RUN_AS_NODE, NODE_OPTIONS and --inspect would let anything that can start the app
    // run arbitrary code with its identity (and its keychain access).
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    // Only the signed app.asar, checked against its hash, is ever loaded.
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    // Pages are served from keepsake://, never file://.
    grantFileProtocolExtraPrivileges: false,
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
    // JIT for V8 only: no unsigned executable memory, no library validation exceptions.
    entitlements: 'resources/entitlements.mac.plist',
    entitlementsInherit: 'resources/entitlements.mac.plist',
  },
  dmg: { title: 'Keepsake ${version}' },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    synopsis: 'A local-first personal assistant that remembers',
  },
  deb: { priority: 'optional' },
  win: { target: ['nsis'] },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
}

export default config
