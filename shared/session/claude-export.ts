import { z } from 'zod'
import { IsoDate } from '../schema/iso-date'

/**
 * The parts of a Claude.ai data export (`conversations.json`) an import reads; the rest is ignored.
 * Each conversation lists its `chat_messages` in order; a message's `content` holds blocks (text,
 * thinking, tool use and results) and `text` repeats the visible text for older exports.
 */
export const ClaudeBlock = z.looseObject({ type: z.string() })
export type ClaudeBlock = z.infer<typeof ClaudeBlock>

const NamedFile = z.looseObject({ file_name: z.string().nullish() })

export const ClaudeMessage = z.looseObject({
  uuid: z.string().min(1),
  sender: z.string(),
  text: z.string().nullish(),
  content: z.array(ClaudeBlock).nullish(),
  created_at: IsoDate,
  attachments: z.array(NamedFile).nullish(),
  files: z.array(NamedFile).nullish(),
  parent_message_uuid: z.string().nullish(),
})
export type ClaudeMessage = z.infer<typeof ClaudeMessage>

export const ClaudeConversation = z.looseObject({
  uuid: z.string().min(1),
  name: z.string().nullish(),
  created_at: IsoDate,
  updated_at: IsoDate.nullish(),
  chat_messages: z.array(ClaudeMessage),
  current_leaf_message_uuid: z.string().nullish(),
})
export type ClaudeConversation = z.infer<typeof ClaudeConversation>
