/**
 * End-to-end encrypted sync of a memory space through a Keepsake relay. Pure TypeScript on WebCrypto
 * and Yjs: runs in the runtime's worker and in Node (pass `WebSocketPolyfill`).
 */
export { createSyncEngine, type SyncEngine } from './sync-engine'
export type { SyncOptions, SyncTarget } from './sync-options'
export type { SyncDevice, SyncProblem, SyncState, SyncStatus } from './sync-status'
export { SYNC_ORIGIN } from './sync-origin'
export {
  PAIRING_PREFIX,
  Pairing,
  createPairing,
  decodePairingCode,
  encodePairingCode,
} from './pairing-code'
export { retireRoom } from './retire-room'
export { DeviceKey, createDeviceKey } from './device-key'
export {
  openHandover,
  sealHandover,
  type HandoverOutcome,
  type HandoverRecipient,
} from './handover'
export { SeenMark, type SeenStore } from './seen-mark'
export { TakenMark, type TakenStore } from './taken-mark'
export { KDF_ITERATIONS, deriveSpaceKeys, type SpaceKeys } from './space-keys'
