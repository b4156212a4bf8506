import { z } from 'zod'

/**
 * The parts of ChatGPT's data export an import reads; everything else is ignored. One conversation
 * holds a tree (`mapping`: node id → node with its parent and children) because edits and
 * regenerations branch; `current_node` is the leaf a person last saw.
 */
const Seconds = z.number().finite().nonnegative()

export const ChatGptContent = z.looseObject({
  content_type: z.string(),
  parts: z.array(z.unknown()).nullish(),
  text: z.string().nullish(),
})
export type ChatGptContent = z.infer<typeof ChatGptContent>

export const ChatGptMessage = z.looseObject({
  id: z.string().min(1),
  author: z.looseObject({ role: z.string(), name: z.string().nullish() }),
  create_time: Seconds.nullish(),
  content: ChatGptContent,
  /** `all` when the assistant speaks to the person; a tool's name (`web.run`, `python`) for a call. */
  recipient: z.string().nullish(),
  /** Newer exports: `analysis` is the model reasoning, `final` and `commentary` what it said. */
  channel: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
})
export type ChatGptMessage = z.infer<typeof ChatGptMessage>

export const ChatGptNode = z.looseObject({
  message: ChatGptMessage.nullish(),
  parent: z.string().nullish(),
  children: z.array(z.string()).nullish(),
})
export type ChatGptNode = z.infer<typeof ChatGptNode>

export const ChatGptConversation = z.looseObject({
  title: z.string().nullish(),
  create_time: Seconds.nullish(),
  update_time: Seconds.nullish(),
  mapping: z.record(z.string(), ChatGptNode),
  current_node: z.string().nullish(),
  conversation_id: z.string().min(1).nullish(),
  id: z.string().min(1).nullish(),
})
export type ChatGptConversation = z.infer<typeof ChatGptConversation>
