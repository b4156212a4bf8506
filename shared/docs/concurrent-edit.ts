import type { MemoryItem } from '../schema/current'

/**
 * Whether `version` lost to `winner` when two devices edited the same memory item apart. The runtime
 * closes such a version as superseded by the later edit, though that edit does not supersede it
 * itself (renderer/runtime/memory/concurrent-edits.ts): that is how it is recognised, with no field
 * of its own, by this build and by older ones alike.
 */
export const lostTo = (version: MemoryItem, winner: MemoryItem | undefined): boolean =>
  winner !== undefined &&
  version.status === 'superseded' &&
  version.supersededBy === winner.id &&
  winner.supersedes !== version.id
