import { resolve } from 'node:path'
import { findElectronBinary } from './electron-binary'

/** Global setup of the Electron suite: says once, up front, why every test is about to skip. */
export default function reportBinary(): void {
  const binary = findElectronBinary(resolve(import.meta.dirname, '..', '..', '..'))
  if (!binary.available) {
    console.log(`Electron binary not available: ${binary.reason}. Every Electron test is skipped.`)
  }
}
