/**
 * Transaction origin of every update the sync engine applies to a real document. The engine ignores
 * updates with this origin (they came from another device); the runtime persists them like any other.
 */
export const SYNC_ORIGIN = 'keepsake:sync'
