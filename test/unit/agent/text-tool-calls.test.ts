import { describe, expect, test } from 'vitest'
import {
  findTextToolCalls,
  visibleWhileStreaming,
} from '../../../renderer/runtime/agent/text-tool-calls'

const fact = { name: 'remember_fact', arguments: { text: 'My dentist is Dr. Lee' } }

describe('tool calls written as text', () => {
  test('a bare JSON call is the whole reply', () => {
    expect(findTextToolCalls(JSON.stringify(fact))).toEqual({
      prose: '',
      calls: [{ toolName: 'remember_fact', input: { text: 'My dentist is Dr. Lee' } }],
    })
  })

  test('a ```json fence after prose; the prose stays', () => {
    const text = `Sure! I will save that.\n\n\`\`\`json\n${JSON.stringify(fact, null, 2)}\n\`\`\``
    expect(findTextToolCalls(text)).toEqual({
      prose: 'Sure! I will save that.',
      calls: [{ toolName: 'remember_fact', input: { text: 'My dentist is Dr. Lee' } }],
    })
  })

  test('bare JSON on the last line after prose, with arguments as a JSON string', () => {
    const text = `Got it.\n{"name": "open_issue", "arguments": "{\\"text\\": \\"CI is red\\"}"}`
    expect(findTextToolCalls(text)?.calls).toEqual([
      { toolName: 'open_issue', input: { text: 'CI is red' } },
    ])
  })

  test('<tool_call> blocks (Qwen, Hermes), several in a row, the last one unclosed', () => {
    const text = `<tool_call>\n${JSON.stringify(fact)}\n</tool_call>\n<tool_call>{"name":"set_preference","arguments":{"key":"timezone","value":"America/New_York","text":"My timezone is America/New_York"}}`
    expect(findTextToolCalls(text)?.calls.map((c) => c.toolName)).toEqual([
      'remember_fact',
      'set_preference',
    ])
  })

  test('[TOOL_CALLS] (Mistral), as a list and as name[ARGS]', () => {
    expect(findTextToolCalls(`[TOOL_CALLS][${JSON.stringify(fact)}]`)?.calls).toHaveLength(1)
    expect(
      findTextToolCalls('[TOOL_CALLS]open_issue[ARGS]{"text": "the build is flaky"}')?.calls,
    ).toEqual([{ toolName: 'open_issue', input: { text: 'the build is flaky' } }])
  })

  test('OpenAI’s nested shape and "parameters" are read too', () => {
    const nested = { type: 'function', function: { name: 'open_issue', parameters: { text: 'x' } } }
    expect(findTextToolCalls(JSON.stringify(nested))?.calls[0]?.toolName).toBe('open_issue')
  })

  test('an unknown tool, bad arguments or JSON mid-reply stay text', () => {
    expect(findTextToolCalls('{"name": "delete_everything", "arguments": {}}')).toBeNull()
    expect(findTextToolCalls('{"name": "remember_fact", "arguments": {"text": ""}}')).toBeNull()
    expect(findTextToolCalls(`${JSON.stringify(fact)}\nThat is how I would save it.`)).toBeNull()
    expect(findTextToolCalls('Here is your config:\n```json\n{"port": 8080}\n```')).toBeNull()
    // One bad call in a list keeps the whole list as text: nothing is dropped silently.
    expect(findTextToolCalls(JSON.stringify([fact, { name: 'nope', arguments: {} }]))).toBeNull()
  })
})

describe('what is shown while a reply streams', () => {
  test('stops where a call may be starting', () => {
    expect(visibleWhileStreaming('Sure! I will save that.\n\n```json\n{"na')).toBe(
      'Sure! I will save that.',
    )
    expect(visibleWhileStreaming('Saving.\n{"name": "remember')).toBe('Saving.')
    expect(visibleWhileStreaming('Ok <tool_c')).toBe('Ok')
    expect(visibleWhileStreaming('Plain words.')).toBe('Plain words.')
  })
})
