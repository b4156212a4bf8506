import { countTokens } from 'gpt-tokenizer'

/** Per-message overhead of chat formats (role markers, separators), as OpenAI documents it. */
const MESSAGE_OVERHEAD = 4

/** Tokens of a text, counted with a maintained BPE tokenizer (o200k). */
export const tokensOf = (text: string): number => countTokens(text)

/** Tokens of one chat message including its framing. */
export const messageTokens = (text: string): number => tokensOf(text) + MESSAGE_OVERHEAD
