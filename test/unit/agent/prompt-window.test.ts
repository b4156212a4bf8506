import { describe, expect, it } from 'vitest'
import { assemblePrompt } from '../../../renderer/runtime/agent/prompt'
import { promptBudget, toolsCost } from '../../../renderer/runtime/agent/budget'
import { messageTokens, tokensOf } from '../../../renderer/runtime/agent/tokens'
import type { Message } from '../../../shared/schema/current'
import { DEFAULT_SETTINGS, modelKey, type Settings } from '../../../shared/contract/settings'
import { ok } from '../../../shared/errors'

const message = (i: number, text: string, role: Message['role'] = 'user'): Message => ({
  schemaVersion: 2,
  id: `m${i}`,
  role,
  text,
  createdAt: new Date(Date.UTC(2026, 3, 1) + i * 60_000).toISOString(),
  deviceId: 'd',
  speaker: null,
  replyTo: null,
  error: null,
})

const pasted = `Here is my design doc. ${'The retrieval layer fans out to BM25 and dense search. '.repeat(1500)}What do you think of the retrieval layer?`

const assemble = (
  history: Message[],
  current: Message,
  budget: number,
  tools?: { text: string; tokens: number },
) =>
  assemblePrompt({
    strategy: 'selective',
    budget,
    now: new Date(Date.UTC(2026, 4, 1)),
    memory: [],
    current,
    loadRecent: async (n) => ok(history.slice(-n)),
    retrieve: async () => [],
    tools: tools ?? null,
  })

describe('a prompt fits the model’s window', () => {
  it('counts the tool definitions in the budget and shows them as a section', async () => {
    const provider = {
      kind: 'openai-compatible' as const,
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3.2',
    }
    const settings: Settings = { ...DEFAULT_SETTINGS, provider }
    const tools = toolsCost(settings)!
    expect(tools.tokens).toBeGreaterThan(300)
    const prompt = await assemble([], message(1, 'Hi'), 7168, tools)
    if (!prompt.ok) throw new Error(prompt.error.message)
    expect(prompt.value.sections.map((s) => s.name)).toEqual(['instructions', 'tools', 'message'])
    expect(prompt.value.total).toBe(prompt.value.sections.reduce((sum, s) => sum + s.tokens, 0))
  })

  it('a model without tools is charged for the instructions to write calls as text instead', () => {
    const provider = {
      kind: 'openai-compatible' as const,
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'gemma3',
    }
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      provider,
      models: {
        [modelKey(provider)]: {
          tools: false,
          serverContext: null,
          learnedWindow: null,
          checkedAt: new Date().toISOString(),
        },
      },
    }
    const cost = toolsCost(settings)!
    expect(cost.text).toContain('{"name": "remember_fact"')
    expect(cost.tokens).toBe(tokensOf(cost.text))
  })

  it('a learned window lowers the budget below the one in Settings', () => {
    const provider = {
      kind: 'openai-compatible' as const,
      baseUrl: 'http://127.0.0.1:8080/v1',
      model: 'small',
    }
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      contextWindow: 8192,
      replyReserve: 1024,
      provider,
      models: {
        [modelKey(provider)]: {
          tools: true,
          serverContext: 8192,
          learnedWindow: 5000,
          checkedAt: new Date().toISOString(),
        },
      },
    }
    expect(promptBudget(settings)).toBe(5000 - 1024)
    expect(promptBudget({ ...settings, contextWindow: 4096 })).toBe(4096 - 1024)
  })

  it('an oversized message is cut in the prompt (start and end kept), never dropped, and the rest still fits', async () => {
    expect(tokensOf(pasted)).toBeGreaterThan(10_000)
    const history = [message(1, pasted), message(2, 'Looks solid overall.', 'assistant')]
    const current = message(3, 'And the reranker?')
    const prompt = await assemble(history, current, 4000)
    if (!prompt.ok) throw new Error(prompt.error.message)
    const [doc, answer, asked] = prompt.value.messages
    expect(doc?.text).toMatch(/^Here is my design doc\./)
    expect(doc?.text).toMatch(/What do you think of the retrieval layer\?$/)
    expect(doc?.text).toMatch(/tokens of this message left out to fit the model's context window/)
    expect(answer?.text).toBe('Looks solid overall.')
    expect(asked?.text).toBe('And the reranker?')
    expect(prompt.value.total).toBeLessThanOrEqual(4000)
    // The stored message is untouched.
    expect(history[0]?.text).toBe(pasted)
  })

  it('the message being answered is cut too when it alone is over half the budget', async () => {
    const prompt = await assemble([], message(1, pasted), 4000)
    if (!prompt.ok) throw new Error(prompt.error.message)
    const sent = prompt.value.messages.at(-1)!.text
    expect(messageTokens(sent)).toBeLessThanOrEqual(2000)
    expect(sent).toMatch(/What do you think of the retrieval layer\?$/)
  })

  it('reasoning an older build stored is not sent back', async () => {
    const history = [message(1, 'Hi'), message(2, '<think>Greeting.</think>Hello!', 'assistant')]
    const prompt = await assemble(history, message(3, 'Thanks'), 4000)
    if (!prompt.ok) throw new Error(prompt.error.message)
    expect(prompt.value.messages.map((m) => m.text)).toEqual(['Hi', 'Hello!', 'Thanks'])
  })

  it('a failed reply is not sent back as if the model had said it', async () => {
    const failed: Message = {
      ...message(2, "I couldn't get an answer from the model: the server refused.", 'assistant'),
      error: { code: 'context-overflow', message: 'the server refused' },
    }
    const prompt = await assemble([message(1, 'Hi'), failed], message(3, 'Again'), 4000)
    if (!prompt.ok) throw new Error(prompt.error.message)
    expect(prompt.value.messages.map((m) => m.text)).toEqual(['Hi', 'Again'])
  })
})
