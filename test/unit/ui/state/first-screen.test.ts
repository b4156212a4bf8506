import { afterEach, expect, it } from 'vitest'
import type { RuntimeClient } from '../../../../shared/contract/client'
import type { ConversationSummary } from '../../../../shared/contract'
import { attach, newConversation } from '../../../../renderer/ui/state/actions'
import { useApp } from '../../../../renderer/ui/state/store'

const at = '2026-12-01T10:00:00.000Z'
const summary = (id: string, title: string): ConversationSummary => ({
  id,
  title,
  createdAt: at,
  updatedAt: at,
  messageCount: 0,
  deletedAt: null,
  pinnedAt: null,
})

/**
 * A runtime whose first answer about the conversation list is held back until `answerList` is
 * called, as on a space just opened on a busy laptop; everything else answers at once.
 */
function slowListRuntime(): { client: RuntimeClient; answerList: () => void } {
  const listed = [summary('old', 'Bees')]
  let answerList = (): void => {}
  const held = new Promise<void>((resolve) => {
    answerList = resolve
  })
  const answers: Record<string, () => Promise<unknown>> = {
    'app.status': () => Promise.resolve({ ok: false, error: { code: 'test', message: 'none' } }),
    'settings.get': () => Promise.resolve({ ok: false, error: { code: 'test', message: 'none' } }),
    'memory.list': () => Promise.resolve({ ok: false, error: { code: 'test', message: 'none' } }),
    // The list as it was when asked: its answer is on its way while a conversation is made.
    'conversations.list': () => {
      const asked = [...listed]
      return held.then(() => ({ ok: true, value: asked }))
    },
    'conversations.create': () => {
      const made = summary('new', 'New conversation')
      listed.unshift(made)
      return Promise.resolve({ ok: true, value: made })
    },
    'conversations.messages': () =>
      Promise.resolve({ ok: true, value: { messages: [], total: 0 } }),
  }
  const client = {
    request: (name: string) => (answers[name] ?? (() => Promise.reject(new Error(name))))(),
    on: () => () => {},
  } as unknown as RuntimeClient
  return { client, answerList: () => answerList() }
}

afterEach(() => {
  useApp.setState({ activeId: null, thread: null, conversations: [], client: null })
})

it('a conversation started while the app is still loading stays open when the list arrives', async () => {
  const runtime = slowListRuntime()
  const loading = attach(runtime.client)
  // The person clicks "New conversation" before the list has come back, and starts typing.
  const made = await newConversation()
  expect(made).toBe('new')
  expect(useApp.getState().activeId).toBe('new')
  runtime.answerList()
  await loading
  // Before, the first screen then opened the newest listed conversation over it, and what had been
  // typed into the new one went into that conversation's draft.
  expect(useApp.getState().activeId).toBe('new')
})

it('a conversation being made when the list arrives is not overtaken by the newest listed one', async () => {
  const runtime = slowListRuntime()
  const loading = attach(runtime.client)
  const making = newConversation()
  runtime.answerList()
  await loading
  await making
  expect(useApp.getState().activeId).toBe('new')
})

it('with nothing chosen meanwhile, the newest conversation opens', async () => {
  const runtime = slowListRuntime()
  const loading = attach(runtime.client)
  runtime.answerList()
  await loading
  expect(useApp.getState().activeId).toBe('old')
})
