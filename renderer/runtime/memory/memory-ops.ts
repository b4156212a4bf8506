import type * as Y from 'yjs'
import { newId } from '../../../shared/ids'
import { err, ok, type Result } from '../../../shared/errors'
import { CURRENT_SCHEMA_VERSION, type MemoryItem } from '../../../shared/schema/current'
import { putMemoryItem } from '../../../shared/docs'
import { readMemory } from './memory-doc'
import { versionsOf } from './concurrent-edits'
import { itemExtras } from '../../../shared/schema/item-extras'

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
  // The corrected wording still comes from the message the item was first learnt from.
  const fresh = { ...old, ...base(ctx, text, old.category), source: old.source }
  if (old.kind === 'preference')
    return ok(supersede(doc, old, { ...fresh, kind: 'preference', key: old.key, value: text }, ctx))
  // The value understanding read from the old wording no longer says what the new one does.
  const { value: _stale, ...next } = fresh as typeof fresh & { value?: unknown }
  return ok(supersede(doc, old, next as MemoryItem, ctx))
}

/** Retracts the current item that best matches `text` ("forget that ..."). */
export function forget(doc: Y.Doc, text: string, ctx: ChangeContext): Result<MemoryItem> {
  const target = bestMatch(active(doc), text, 0.5)
  if (!target) return err('not-found', `I don't have anything matching "${text}" to forget.`)
  return retractItem(doc, target.id, ctx)
}

/** Every version of the item: those it replaced, those that replaced it, concurrent ones; newest first. */
export function historyOf(doc: Y.Doc, id: string): MemoryItem[] {
  return versionsOf(readMemory(doc).items, id)
}

/**
 * Adds an item a person typed in the Memory panel. The same text already current as that kind is
 * re-confirmed instead of duplicated. A preference typed this way is its own key.
 */
export function addItem(doc: Y.Doc, kind: Kind, text: string, ctx: ChangeContext): MemoryItem {
  const wanted = normalize(text)
  const same = active(doc).find((i) => i.kind === kind && normalizedText(i) === wanted)
  if (same) return put(doc, { ...same, confirmedAt: ctx.now.toISOString() })
  switch (kind) {
    case 'fact':
      return put(doc, { ...base(ctx, text, 'general'), kind })
    case 'preference':
      return put(doc, { ...base(ctx, text, wanted), kind, key: wanted, value: text })
    case 'task':
      return put(doc, {
        ...base(ctx, text, 'task'),
        kind,
        taskStatus: 'in_progress',
        lastAction: '',
      })
    case 'issue':
      return put(doc, { ...base(ctx, text, 'issue'), kind, resolvedAt: null })
  }
}

/**
 * Makes a retracted item current again as a new version of it. The retracted version keeps its
 * retraction (who, when) and points to the restored one, so history shows both. Refused when a
 * newer item already holds the same preference or subject: two current values would contradict.
 */
export function restoreItem(doc: Y.Doc, id: string, ctx: ChangeContext): Result<MemoryItem> {
  const item = find(doc, id)
  if (!item.ok) return item
  const old = item.value
  if (old.status !== 'retracted') return err('validation', 'Only retracted items can be restored.')
  if (old.supersededBy !== null)
    return err('validation', 'This item was already restored; the restored version is current.')
  const subject = itemExtras(old).extras.subject
  const rival = active(doc).find(
    (i) =>
      i.kind === old.kind &&
      ((i.kind === 'preference' &&
        old.kind === 'preference' &&
        normalize(i.key) === normalize(old.key)) ||
        (subject !== undefined && itemExtras(i).extras.subject === subject)),
  )
  if (rival)
    return err(
      'validation',
      `“${rival.text}” is current for the same thing, so “${old.text}” was not restored. Edit or retract that one first.`,
    )
  const at = ctx.now.toISOString()
  const next: MemoryItem = {
    ...old,
    id: newId(),
    createdAt: at,
    confirmedAt: at,
    validFrom: at,
    validTo: null,
    status: 'active',
    supersedes: old.id,
    supersededBy: null,
    retractedAt: null,
    retractedBy: null,
  }
  put(doc, { ...old, supersededBy: next.id })
  return ok(put(doc, next))
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
