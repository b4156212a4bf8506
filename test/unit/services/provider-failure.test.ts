import { describe, expect, test } from 'vitest'
import { classifyHttpFailure, readOverflow } from '../../../electron/services/provider-failure'

const where = 'http://127.0.0.1:8080/v1'

describe('model server errors are named for what they are', () => {
  test.each([
    [
      'llama.cpp (body)',
      '{"error":{"code":400,"message":"request (11214 tokens) exceeds the available context size (8192 tokens), try increasing it","type":"exceed_context_size_error","n_prompt_tokens":11214,"n_ctx":8192}}',
      8192,
      11214,
    ],
    [
      'llama.cpp (short wording)',
      'the request exceeds the available context size (11214 tokens > 8192)',
      8192,
      11214,
    ],
    [
      'LM Studio',
      'Trying to keep the first 10136 tokens when context the overflows. However, the model is loaded with context length of only 7866 tokens, which is not enough.',
      7866,
      10136,
    ],
    [
      'vLLM',
      "This model's maximum context length is 8192 tokens. However, you requested 11214 tokens (10190 in the messages, 1024 in the completion).",
      8192,
      11214,
    ],
    [
      'OpenAI',
      "This model's maximum context length is 128000 tokens. However, your messages resulted in 130415 tokens. Please reduce the length of the messages. context_length_exceeded",
      128000,
      130415,
    ],
    ['Anthropic', 'prompt is too long: 210000 tokens > 200000 maximum', 200000, 210000],
  ])('%s overflow', (_server, text, limit, promptTokens) => {
    expect(readOverflow(text)).toEqual({ limit, promptTokens })
    const failure = classifyHttpFailure(400, text.slice(0, 80), text, where, 'small')
    expect(failure.error.code).toBe('context-overflow')
    expect(failure.overflow).toEqual({ limit, promptTokens })
  })

  test('no tools: Ollama, llama.cpp without --jinja, vLLM without auto tool choice', () => {
    for (const text of [
      'registry.ollama.ai/library/gemma3:4b does not support tools',
      'tools param requires --jinja flag',
      '"auto" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set',
    ]) {
      expect(classifyHttpFailure(400, text, text, where, 'gemma3:4b').error.code).toBe(
        'provider-no-tools',
      )
    }
  })

  test('a refused key, a missing model, anything else', () => {
    expect(classifyHttpFailure(401, 'Unauthorized', '', where, null).error.code).toBe(
      'provider-auth',
    )
    const missing = classifyHttpFailure(
      404,
      'model "llama9" not found, try pulling it first',
      '',
      where,
      'llama9',
    )
    expect(missing.error).toEqual({
      code: 'provider-model-missing',
      message: `The server at ${where} does not have "llama9" (model "llama9" not found, try pulling it first).`,
    })
    expect(classifyHttpFailure(500, 'model overloaded', '', where, null).error).toEqual({
      code: 'provider-error',
      message: `The model at ${where} answered HTTP 500: model overloaded`,
    })
  })
})
