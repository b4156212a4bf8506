import type * as Y from 'yjs'
import { newId } from '../../../shared/ids'
import { err, ok, type Result } from '../../../shared/errors'
import { CURRENT_SCHEMA_VERSION, type MemoryItem } from '../../../shared/schema/current'
import { putMemoryItem } from '../../../shared/docs'
import { readMemory } from './memory-doc'

/** Who and when, for every change to memory. */
export interface ChangeContext {
  now: Date
  /** `user` for changes made in the memory panel, otherwise the assistant acting on a message. */
  actor: string
  source: { conversationId: string | null; messageId: string } | null
}

type Kind = MemoryItem['kind']
type ItemOf<K extends Kind> = Extract<MemoryItem, { kind: K }>

const normalize = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s/_-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/** Loaded items are shared and never change, so each one's normalized text is worked out once. */
const normalized = new WeakMap<MemoryItem, string>()
const normalizedText = (item: MemoryItem): string => {
  let text = normalized.get(item)
  if (text === undefined) normalized.set(item, (text = normalize(item.text)))
  return text
}

/** The fields every new item starts with: a new id, now as created, confirmed and valid-from, active. */
export function base(ctx: ChangeContext, text: string, category: string) {
  const at = ctx.now.toISOString()
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: newId(),
    text,
    category,
    createdAt: at,
    confirmedAt: at,
    source: ctx.source,
    validFrom: at,
    validTo: null,
    status: 'active' as const,
    supersedes: null,
    supersededBy: null,
    retractedAt: null,
    retractedBy: null,
  }
}

const put = (doc: Y.Doc, item: MemoryItem): MemoryItem => {
  putMemoryItem(doc, item)
  return item
}

const active = (doc: Y.Doc): MemoryItem[] =>
  readMemory(doc).items.filter((i) => i.status === 'active')

/** Closes `old` and links it to `next`, which replaces it. History is kept, nothing is deleted. */
function supersede(doc: Y.Doc, old: MemoryItem, next: MemoryItem, ctx: ChangeContext): MemoryItem {
  const at = ctx.now.toISOString()
  put(doc, { ...old, status: 'superseded', validTo: at, supersededBy: next.id })
  return put(doc, { ...next, supersedes: old.id })
}

/** Remembers a fact. Saying the same thing again re-confirms it instead of duplicating it. */
export function rememberFact(
  doc: Y.Doc,
  text: string,
  category: string,
  ctx: ChangeContext,
): MemoryItem {
  const wanted = normalize(text)
  const same = active(doc).find((i) => i.kind === 'fact' && normalizedText(i) === wanted)
  if (same) return put(doc, { ...same, confirmedAt: ctx.now.toISOString() })
  return put(doc, { ...base(ctx, text, category), kind: 'fact' })
}

/** Sets a preference; a different value for the same key supersedes the old one. */
export function setPreference(
  doc: Y.Doc,
  key: string,
  value: string,
  text: string,
  ctx: ChangeContext,
): MemoryItem {
  const k = normalize(key)
  const current = active(doc).find(
    (i): i is ItemOf<'preference'> => i.kind === 'preference' && normalize(i.key) === k,
  )
  if (current && normalize(current.value) === normalize(value)) {
    return put(doc, { ...current, confirmedAt: ctx.now.toISOString() })
  }
  const next: MemoryItem = { ...base(ctx, text, k), kind: 'preference', key: k, value }
  return current ? supersede(doc, current, next, ctx) : put(doc, next)
}

/** Creates or updates a task. Without a description, updates the most recent unfinished task. */
export function updateTask(
  doc: Y.Doc,
  args: { description?: string; status?: 'in_progress' | 'blocked' | 'done'; lastAction?: string },
  ctx: ChangeContext,
): Result<MemoryItem> {
  const tasks = active(doc).filter((i): i is ItemOf<'task'> => i.kind === 'task')
  const target = args.description
    ? bestMatch(tasks, args.description, 0.6)
    : tasks
        .filter((t) => t.taskStatus !== 'done')
        .sort((a, b) => b.confirmedAt.localeCompare(a.confirmedAt))[0]
  const at = ctx.now.toISOString()
  if (target) {
    return ok(
      put(doc, {
        ...target,
        taskStatus: args.status ?? target.taskStatus,
        lastAction: args.lastAction ?? target.lastAction,
        confirmedAt: at,
      }),
    )
  }
  if (!args.description) return err('not-found', 'There is no unfinished task to update.')
  return ok(
    put(doc, {
      ...base(ctx, args.description, 'task'),
      kind: 'task',
      taskStatus: args.status ?? 'in_progress',
      lastAction: args.lastAction ?? '',
    }),
  )
}

/** Records an unresolved issue (or re-confirms the same one). */
export function openIssue(doc: Y.Doc, text: string, ctx: ChangeContext): MemoryItem {
  const open = active(doc).filter(
    (i): i is ItemOf<'issue'> => i.kind === 'issue' && i.resolvedAt === null,
  )
  const same = bestMatch(open, text, 0.8)
  if (same) return put(doc, { ...same, confirmedAt: ctx.now.toISOString() })
  return put(doc, { ...base(ctx, text, 'issue'), kind: 'issue', resolvedAt: null })
}

/** Marks the open issue that best matches `text` as resolved. */
export function resolveIssue(doc: Y.Doc, text: string, ctx: ChangeContext): Result<MemoryItem> {
  const open = active(doc).filter(
    (i): i is ItemOf<'issue'> => i.kind === 'issue' && i.resolvedAt === null,
  )
  const target = bestMatch(open, text, 0.3)
  if (!target) return err('not-found', `No open issue matches "${text}".`)
  const at = ctx.now.toISOString()
  return ok(put(doc, { ...target, resolvedAt: at, validTo: at, confirmedAt: at }))
}

/** Re-confirms an item: it is fresh again from now. */
export function confirmItem(doc: Y.Doc, id: string, ctx: ChangeContext): Result<MemoryItem> {
  const item = find(doc, id)
  if (!item.ok) return item
  if (item.value.status !== 'active')
    return err('validation', 'Only current items can be confirmed.')
  return ok(put(doc, { ...item.value, confirmedAt: ctx.now.toISOString() }))
}

/** Retracts an item. It stays in history with who retracted it and when. */
export function retractItem(doc: Y.Doc, id: string, ctx: ChangeContext): Result<MemoryItem> {
  const item = find(doc, id)
  if (!item.ok) return item
  if (item.value.status === 'retracted') return ok(item.value)
  const at = ctx.now.toISOString()
  return ok(
    put(doc, {
      ...item.value,
      status: 'retracted',
      validTo: at,
      retractedAt: at,
      retractedBy: ctx.actor,
    }),
  )
}

/** Replaces an item's text with a corrected one; the old wording stays as superseded history. */
export function editItem(
  doc: Y.Doc,
  id: string,
  text: string,
  ctx: ChangeContext,
): Result<MemoryItem> {
  const item = find(doc, id)
  if (!item.ok) return item
  const old = item.value
  if (old.status !== 'active') return err('validation', 'Only current items can be edited.')
  const fresh = { ...old, ...base(ctx, text, old.category) }
  const next: MemoryItem =
    old.kind === 'preference' ? { ...fresh, kind: 'preference', key: old.key, value: text } : fresh
  return ok(supersede(doc, old, next, ctx))
}

/** Retracts the current item that best matches `text` ("forget that ..."). */
export function forget(doc: Y.Doc, text: string, ctx: ChangeContext): Result<MemoryItem> {
  const target = bestMatch(active(doc), text, 0.5)
  if (!target) return err('not-found', `I don't have anything matching "${text}" to forget.`)
  return retractItem(doc, target.id, ctx)
}

/** The item and every version it superseded, newest first. */
export function historyOf(doc: Y.Doc, id: string): MemoryItem[] {
  const byId = new Map(readMemory(doc).items.map((i) => [i.id, i]))
  const chain: MemoryItem[] = []
  let cursor = byId.get(id)
  while (cursor && chain.length < 1000) {
    chain.push(cursor)
    cursor = cursor.supersedes ? byId.get(cursor.supersedes) : undefined
  }
  return chain
}

function find(doc: Y.Doc, id: string): Result<MemoryItem> {
  const item = readMemory(doc).items.find((i) => i.id === id)
  return item ? ok(item) : err('not-found', 'That memory item no longer exists.')
}

/** The item sharing the largest share of `text`'s words, if at least `threshold` of them. */
function bestMatch<T extends MemoryItem>(
  items: T[],
  text: string,
  threshold: number,
): T | undefined {
  const words = new Set(
    normalize(text)
      .split(' ')
      .filter((w) => w.length > 2),
  )
  if (words.size === 0) return undefined
  let best: T | undefined
  let bestScore = 0
  for (const item of items) {
    const have = new Set(normalizedText(item).split(' '))
    let hits = 0
    for (const w of words) if (have.has(w)) hits++
    const score = hits / words.size
    if (score > bestScore) {
      best = item
      bestScore = score
    }
  }
  return bestScore >= threshold ? best : undefined
}
