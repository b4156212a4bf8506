import 'fake-indexeddb/auto'
import { SpaceDb } from '../../../renderer/runtime/db/space-db'
import { Space, type SpaceListener, type SpaceOptions } from '../../../renderer/runtime/space/space'
import type { Message } from '../../../shared/schema/current'

/** A fresh IndexedDB database (fake-indexeddb) for one test. */
export const newDb = (): SpaceDb => new SpaceDb(`test-${crypto.randomUUID()}`)

/** A listener that counts what the space told it. */
export function recordingListener(): SpaceListener & {
  memoryChanges: number
  appended: Message[]
} {
  const l = {
    memoryChanges: 0,
    appended: [] as Message[],
    memoryChanged: () => void l.memoryChanges++,
    conversationsChanged: () => undefined,
    messagesAppended: (_id: string, messages: Message[]) => void l.appended.push(...messages),
    messagesRemoved: () => undefined,
    nameChanged: () => undefined,
    storageFailed: (message: string) => {
      throw new Error(`storage failed: ${message}`)
    },
  }
  return l
}

/** Opens the space stored in `db`; fails the test if it cannot. */
export async function openSpace(
  db: SpaceDb,
  listener: SpaceListener = recordingListener(),
  options: SpaceOptions = {},
): Promise<Space> {
  const r = await Space.open(db, 'space-under-test', 'Test memory', listener, options)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

let clock = Date.parse('2026-05-01T10:00:00.000Z')

/** A valid current message with a strictly later time than the last one made. */
export function message(text: string, role: Message['role'] = 'user'): Message {
  clock += 1000
  return {
    schemaVersion: 2,
    id: crypto.randomUUID(),
    role,
    text,
    createdAt: new Date(clock).toISOString(),
    deviceId: 'device-a',
    speaker: null,
    replyTo: null,
    error: null,
  }
}

/** Resolves once every queued write and every quarantine report has landed. */
export async function settled(space: Space): Promise<void> {
  await space.settle()
  await new Promise((r) => setTimeout(r, 0))
  await space.settle()
}
