import { z } from 'zod'

/**
 * The parts of ChatGPT's data export an import reads; everything else is ignored. One conversation
 * holds a tree (`mapping`: node id → node with its parent and children) because edits and
 * regenerations branch; `current_node` is the leaf a person last saw.
 *
 * Objects other than a message's content are stripped to the keys declared here, not kept whole:
 * zod copies every key it keeps, and a real message's metadata (citations, content references,
 * search results) is much of an export. A key the importer reads must be declared here.
 */
const Seconds = z.number().finite().nonnegative()

// Loose: the fields a content type adds (a quote's title and url, a browsing display's result,
// an error's name) are read by type; a text message's content has no others to copy.
export const ChatGptContent = z.looseObject({
  content_type: z.string(),
  parts: z.array(z.unknown()).nullish(),
  text: z.string().nullish(),
})
export type ChatGptContent = z.infer<typeof ChatGptContent>

export const ChatGptMessage = z.object({
  id: z.string().min(1),
  author: z.object({ role: z.string(), name: z.string().nullish() }),
  create_time: Seconds.nullish(),
  content: ChatGptContent,
  /** `all` when the assistant speaks to the person; a tool's name (`web.run`, `python`) for a call. */
  recipient: z.string().nullish(),
  /** Newer exports: `analysis` is the model reasoning, `final` and `commentary` what it said. */
  channel: z.string().nullish(),
  metadata: z
    .object({
      attachments: z.unknown().optional(),
      is_visually_hidden_from_conversation: z.unknown().optional(),
      finish_details: z.unknown().optional(),
    })
    .nullish(),
})
export type ChatGptMessage = z.infer<typeof ChatGptMessage>

export const ChatGptNode = z.object({
  message: ChatGptMessage.nullish(),
  parent: z.string().nullish(),
  children: z.array(z.string()).nullish(),
})
export type ChatGptNode = z.infer<typeof ChatGptNode>

export const ChatGptConversation = z.object({
  title: z.string().nullish(),
  create_time: Seconds.nullish(),
  update_time: Seconds.nullish(),
  mapping: z.record(z.string(), ChatGptNode),
  current_node: z.string().nullish(),
  conversation_id: z.string().min(1).nullish(),
  id: z.string().min(1).nullish(),
})
export type ChatGptConversation = z.infer<typeof ChatGptConversation>
