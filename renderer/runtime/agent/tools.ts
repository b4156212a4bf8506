import { z } from 'zod'
import { err, ok, type Result } from '../../../shared/errors'
import { check } from '../../../shared/validation'
import type { MemoryItem } from '../../../shared/schema/current'
import type { Space } from '../space/space'
import {
  confirmItem,
  forget,
  openIssue,
  rememberFact,
  resolveIssue,
  retractItem,
  setPreference,
  updateTask,
  type ChangeContext,
} from '../memory/memory-ops'

/** The memory tools, shared by model providers and the offline assistant. Arguments are zod schemas. */
export const toolArgs = {
  remember_fact: z.object({
    text: z.string().min(1).describe('The fact, in the user’s words'),
    category: z.string().default('general'),
  }),
  set_preference: z.object({
    key: z.string().min(1).describe('What the preference is about, e.g. "timezone"'),
    value: z.string().min(1),
    text: z.string().min(1).describe('The preference as a sentence'),
  }),
  update_task: z.object({
    description: z.string().min(1).optional(),
    status: z.enum(['in_progress', 'blocked', 'done']).optional(),
    lastAction: z.string().optional(),
  }),
  open_issue: z.object({ text: z.string().min(1) }),
  resolve_issue: z.object({
    text: z.string().min(1).describe('Words that identify the open issue'),
  }),
  confirm: z.object({ id: z.string().min(1) }),
  retract: z.object({
    id: z.string().min(1).optional(),
    text: z
      .string()
      .min(1)
      .optional()
      .describe('Words that identify the item, when the id is unknown'),
  }),
  search_memory: z.object({
    query: z.string().min(1),
    k: z.number().int().positive().max(50).default(8),
  }),
} as const

export type ToolName = keyof typeof toolArgs

export const toolDescriptions: Record<ToolName, string> = {
  remember_fact: 'Remember a fact the user stated about themselves or their work.',
  set_preference: 'Record a user preference; a new value for the same key supersedes the old one.',
  update_task: 'Create or update the user’s task: status and the last thing done.',
  open_issue: 'Record an unresolved problem the user mentioned.',
  resolve_issue: 'Mark an open problem as fixed.',
  confirm: 'Re-confirm a remembered item (by id) after the user says it still holds.',
  retract: 'Retract a remembered item the user says is wrong or wants forgotten.',
  search_memory: 'Search remembered facts and past conversations.',
}

export interface ToolContext {
  space: Space
  change: ChangeContext
  /** Retrieval over memory and the log; injected so this module stays free of index wiring. */
  search(query: string, k: number): Promise<unknown[]>
}

export type ToolOutcome =
  { ok: true; value: unknown; item?: MemoryItem } | { ok: false; error: string }

/**
 * Validates and runs one tool call. The change is durable before this resolves. Invalid arguments come
 * back as an error the model can read and correct; they never throw.
 */
export async function runTool(
  name: string,
  rawArgs: unknown,
  ctx: ToolContext,
): Promise<ToolOutcome> {
  if (!(name in toolArgs)) return { ok: false, error: `Unknown tool "${name}".` }
  const tool = name as ToolName
  const args = check(toolArgs[tool], rawArgs, tool)
  if (!args.ok) return { ok: false, error: `Invalid arguments: ${args.error.message}` }
  const result = await execute(tool, args.value, ctx)
  if (!result.ok) return { ok: false, error: result.error.message }
  return result.value
}

async function execute(
  tool: ToolName,
  args: unknown,
  ctx: ToolContext,
): Promise<Result<{ ok: true; value: unknown; item?: MemoryItem }>> {
  const { space, change } = ctx
  const memory = async (fn: Parameters<Space['changeMemory']>[0]) => {
    const r = await space.changeMemory(fn)
    return r.ok ? ok({ ok: true as const, value: summarize(r.value), item: r.value }) : r
  }
  switch (tool) {
    case 'remember_fact': {
      const a = args as z.output<(typeof toolArgs)['remember_fact']>
      return memory((doc) => ok(rememberFact(doc, a.text, a.category, change)))
    }
    case 'set_preference': {
      const a = args as z.output<(typeof toolArgs)['set_preference']>
      return memory((doc) => ok(setPreference(doc, a.key, a.value, a.text, change)))
    }
    case 'update_task': {
      const a = args as z.output<(typeof toolArgs)['update_task']>
      return memory((doc) => updateTask(doc, a, change))
    }
    case 'open_issue': {
      const a = args as z.output<(typeof toolArgs)['open_issue']>
      return memory((doc) => ok(openIssue(doc, a.text, change)))
    }
    case 'resolve_issue': {
      const a = args as z.output<(typeof toolArgs)['resolve_issue']>
      return memory((doc) => resolveIssue(doc, a.text, change))
    }
    case 'confirm': {
      const a = args as z.output<(typeof toolArgs)['confirm']>
      return memory((doc) => confirmItem(doc, a.id, change))
    }
    case 'retract': {
      const a = args as z.output<(typeof toolArgs)['retract']>
      if (a.id) {
        const id = a.id
        return memory((doc) => retractItem(doc, id, change))
      }
      if (a.text) {
        const text = a.text
        return memory((doc) => forget(doc, text, change))
      }
      return err('validation', 'retract needs an id or text.')
    }
    case 'search_memory': {
      const a = args as z.output<(typeof toolArgs)['search_memory']>
      return ok({ ok: true, value: await ctx.search(a.query, a.k) })
    }
  }
}

const summarize = (item: MemoryItem) => ({
  id: item.id,
  kind: item.kind,
  text: item.text,
  status: item.status,
  confirmedAt: item.confirmedAt,
})

/** JSON Schemas of the tools, for model providers. */
export function toolSchemas(): {
  name: ToolName
  description: string
  inputSchema: Record<string, unknown>
}[] {
  return (Object.keys(toolArgs) as ToolName[]).map((name) => ({
    name,
    description: toolDescriptions[name],
    inputSchema: z.toJSONSchema(toolArgs[name], { io: 'input' }) as Record<string, unknown>,
  }))
}
