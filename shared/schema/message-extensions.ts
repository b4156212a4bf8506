import { z } from 'zod'
import { IsoDate } from './iso-date'
import { MessageV2 } from './v2'

/**
 * A step an assistant took with a tool in another app (ChatGPT's web search, code runs, canvas;
 * Claude's tool use), kept from an import. `call` is what was asked of the tool, `result` what it
 * gave back. A message with a tool step is never the assistant speaking: it is shown folded and left
 * out of retrieval and prompts.
 */
export const MessageTool = z.strictObject({
  kind: z.enum(['call', 'result']),
  /** The tool's own name in the source app (`web.run`, `python`, `canmore.create_textdoc`). */
  name: z.string().min(1).max(200),
})
export type MessageTool = z.infer<typeof MessageTool>

/**
 * A v2 message with the optional keys later builds add. v2 messages are loose objects and v2 is
 * frozen, so additions are optional extension keys validated here rather than a new schema version:
 * a build that predates them keeps them untouched and, because tool steps are stored with role
 * `system`, shows them as system lines — never as the assistant speaking.
 * - `tool`: the message is a tool step (see `MessageTool`).
 * - `sourceCreatedAt`: the time the source export gave, when an import had to move `createdAt` to
 *   keep the conversation in order (ChatGPT stamps questions with the client's clock).
 */
export const MessageV2Extended = MessageV2.extend({
  tool: MessageTool.optional(),
  sourceCreatedAt: IsoDate.optional(),
})
export type MessageV2Extended = z.infer<typeof MessageV2Extended>

/** True for a message that records a tool step rather than a person or the assistant speaking. */
export const isToolStep = (m: { tool?: unknown }): boolean => m.tool !== undefined
