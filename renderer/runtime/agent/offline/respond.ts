import type { MemoryItemView, RetrievedMemory } from '../../../../shared/contract/models'
import type { ToolOutcome } from '../tools'
import { parseIntents, type Intent } from './intents'
import { toSecondPerson } from './voice'

/** The offline assistant's access to memory: the same tools a model calls, plus reads. */
export interface OfflineTools {
  call(name: string, args: Record<string, unknown>): Promise<ToolOutcome>
  memory(): Promise<MemoryItemView[]>
  search(query: string, k: number): Promise<RetrievedMemory[]>
}

const day = (iso: string): string => iso.slice(0, 10)
const bullet = (m: MemoryItemView): string => {
  const i = m.item
  const text = toSecondPerson(i.text)
  if (i.kind === 'task')
    return `- ${text} (${i.taskStatus.replace('_', ' ')}${i.lastAction ? `; last: ${i.lastAction}` : ''})`
  return `- ${text}`
}

const isOpen = (m: MemoryItemView): boolean =>
  m.item.status === 'active' &&
  !(m.item.kind === 'task' && m.item.taskStatus === 'done') &&
  !(m.item.kind === 'issue' && m.item.resolvedAt !== null)

/** The question the assistant asks before relying on stale items. */
export function reverifyPrompt(stale: MemoryItemView[]): string {
  if (stale.length === 0) return ''
  const lines = stale.map(
    (m) => `- ${toSecondPerson(m.item.text)} (last confirmed ${day(m.item.confirmedAt)})`,
  )
  return `Before I rely on ${stale.length === 1 ? 'this' : 'these'}, please confirm — ${stale.length === 1 ? "it hasn't" : "they haven't"} been confirmed in a while:\n${lines.join('\n')}\nConfirm or retract ${stale.length === 1 ? 'it' : 'them'} in the Memory panel, or tell me what changed.`
}

/**
 * The built-in assistant: deterministic, no model, no network. It understands statements to remember
 * and forget, preferences, tasks, issues and questions about memory, and says plainly when a message
 * needs a real model (the message is saved either way).
 */
export async function respondOffline(
  text: string,
  tools: OfflineTools,
  firstTurn: boolean,
): Promise<string> {
  const replies: string[] = []
  const used = new Set<string>()
  for (const intent of parseIntents(text)) replies.push(await handle(intent, tools, used))
  const views = await tools.memory()
  const stale = views.filter(
    (m) => isOpen(m) && m.freshness === 'needs-reverify' && !used.has(m.item.id),
  )
  // On the first turn after a restart, stale memory is raised before anything relies on it.
  if (firstTurn && stale.length > 0) replies.push(reverifyPrompt(stale))
  return replies.filter((r) => r !== '').join('\n\n')
}

async function handle(intent: Intent, tools: OfflineTools, used: Set<string>): Promise<string> {
  const saved = (o: ToolOutcome, say: string): string =>
    o.ok ? say : `I couldn't save that: ${o.error}`
  switch (intent.type) {
    case 'remember': {
      const o = await tools.call('remember_fact', { text: intent.text })
      return saved(o, `Got it — I'll remember that ${lowerFirst(toSecondPerson(intent.text))}.`)
    }
    case 'preference': {
      const o = await tools.call('set_preference', {
        key: intent.key,
        value: intent.value,
        text: intent.text,
      })
      const superseded = o.ok && o.item?.supersedes ? ' I’ve kept the old value as history.' : ''
      return saved(
        o,
        `Noted — ${lowerFirst(toSecondPerson(intent.text))}. I'll remember that.${superseded}`,
      )
    }
    case 'task-start': {
      const o = await tools.call('update_task', {
        description: intent.description,
        status: 'in_progress',
      })
      return saved(o, `Okay — you're working on ${intent.description}. I'll keep track of it.`)
    }
    case 'task-done': {
      const o = await tools.call('update_task', {
        ...(intent.description ? { description: intent.description } : {}),
        status: 'done',
      })
      return o.ok
        ? `Nice — marked “${o.item?.text ?? intent.description}” as done.`
        : `I couldn't update that task: ${o.error}`
    }
    case 'task-last-action': {
      const o = await tools.call('update_task', { lastAction: intent.action })
      return o.ok
        ? `Noted: the last thing you did on “${o.item?.text ?? 'your task'}” was ${intent.action}.`
        : `I couldn't record that: ${o.error} Tell me what you're working on first.`
    }
    case 'issue-open': {
      const o = await tools.call('open_issue', { text: intent.text })
      return saved(o, `I've noted the open issue: ${toSecondPerson(intent.text)}.`)
    }
    case 'issue-resolve': {
      const o = await tools.call('resolve_issue', { text: intent.text })
      return o.ok ? `Great — marked “${o.item?.text}” as resolved.` : o.error
    }
    case 'forget': {
      const o = await tools.call('retract', { text: intent.text })
      return o.ok
        ? `Done — I've retracted “${toSecondPerson(o.item?.text ?? intent.text)}”. It stays in history as retracted.`
        : o.error
    }
    case 'ask-about-me':
      return aboutMe(await tools.memory(), used)
    case 'ask-doing':
      return doing(await tools.memory(), used)
    case 'ask-about':
    case 'ask-said': {
      const query = intent.type === 'ask-about' ? intent.topic : intent.query
      const hits = await tools.search(query, 5)
      if (hits.length === 0)
        return `I couldn't find anything about “${query}” in memory or earlier conversations.`
      const lines = hits.map((h) => `- ${h.createdAt ? `${day(h.createdAt)}: ` : ''}${h.text}`)
      return `Here's what I found about “${query}”:\n${lines.join('\n')}`
    }
    case 'greeting': {
      const views = (await tools.memory()).filter(isOpen)
      // A stale task is not announced as current; the re-verify question covers it.
      const task = views.find((m) => m.item.kind === 'task' && m.freshness === 'fresh')
      if (views.length === 0)
        return "Hi! I'm Keepsake. Tell me things worth remembering — preferences, facts, what you're working on — and I'll keep them on this device."
      return task
        ? `Welcome back. Last time you were working on ${task.item.text}.`
        : `Welcome back. I remember ${views.length} thing${views.length === 1 ? '' : 's'} about you.`
    }
    case 'thanks':
      return "You're welcome."
    case 'unknown':
      return 'I saved your message, but answering it needs a language model — the built-in offline assistant only handles remembering, forgetting, tasks, issues and questions about what I remember. Choose a model in Settings to get full answers.'
  }
}

function aboutMe(views: MemoryItemView[], used: Set<string>): string {
  const open = views.filter(isOpen)
  if (open.length === 0)
    return "I don't know anything about you yet. Tell me something worth remembering."
  const fresh = open.filter((m) => m.freshness === 'fresh')
  const stale = open.filter((m) => m.freshness === 'needs-reverify')
  for (const m of open) used.add(m.item.id)
  const parts: string[] = []
  if (fresh.length > 0) parts.push(`Here's what I know about you:\n${fresh.map(bullet).join('\n')}`)
  if (stale.length > 0) parts.push(reverifyPrompt(stale))
  return parts.join('\n\n')
}

function doing(views: MemoryItemView[], used: Set<string>): string {
  const tasks = views
    .filter((m) => isOpen(m) && m.item.kind === 'task')
    .sort((a, b) => b.item.confirmedAt.localeCompare(a.item.confirmedAt))
  if (tasks.length === 0) return "I don't have a task on record. Tell me what you're working on."
  for (const t of tasks) used.add(t.item.id)
  const stale = tasks.filter((t) => t.freshness === 'needs-reverify')
  const fresh = tasks.filter((t) => t.freshness === 'fresh')
  const parts: string[] = []
  if (fresh.length > 0) parts.push(`You're working on:\n${fresh.map(bullet).join('\n')}`)
  if (stale.length > 0) parts.push(reverifyPrompt(stale))
  return parts.join('\n\n')
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1)
