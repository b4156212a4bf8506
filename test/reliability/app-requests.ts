import type { Page } from '@playwright/test'

/** A runtime answer as the page's client returns it. */
export interface Answer<T = unknown> {
  ok: boolean
  value?: T
  error?: { code: string; message: string; path?: string }
}

/** Calls the runtime through the UI's own typed client (`window.keepsakeClient`), waiting for it to exist. */
export async function request<T = unknown>(
  page: Page,
  name: string,
  input: unknown,
): Promise<Answer<T>> {
  await page.waitForFunction(() => 'keepsakeClient' in window, undefined, { timeout: 60_000 })
  return page.evaluate(
    async ([n, i]) => {
      type Client = { request(name: string, input: unknown): Promise<Answer> }
      return (window as unknown as { keepsakeClient: Client }).keepsakeClient.request(n, i)
    },
    [name, input] as const,
  ) as Promise<Answer<T>>
}

/** Must succeed: returns the value or fails the test with the runtime's message. */
export async function requestOk<T = unknown>(page: Page, name: string, input: unknown): Promise<T> {
  const r = await request<T>(page, name, input)
  if (!r.ok) throw new Error(`${name} failed: ${r.error?.code}: ${r.error?.message}`)
  return r.value as T
}

/** Every remembered text in the space (memory.list). */
export async function memoryTexts(page: Page): Promise<string[]> {
  const view = await requestOk<{ items: { item: { text: string } }[] }>(page, 'memory.list', {})
  return view.items.map((v) => v.item.text)
}

/** How many messages a conversation holds (the total `conversations.messages` reports). */
export async function messageTotal(page: Page, conversationId: string): Promise<number> {
  const r = await requestOk<{ total: number }>(page, 'conversations.messages', {
    id: conversationId,
    offset: 0,
    limit: 1,
  })
  return r.total
}

/** Every message text of a conversation, read page by page. */
export async function messageTexts(page: Page, conversationId: string): Promise<string[]> {
  const out: string[] = []
  for (let offset = 0; ; offset += 500) {
    const r = await requestOk<{ messages: { text: string }[]; total: number }>(
      page,
      'conversations.messages',
      {
        id: conversationId,
        offset,
        limit: 500,
      },
    )
    out.push(...r.messages.map((m) => m.text))
    if (offset + 500 >= r.total) return out
  }
}

/**
 * Starts `count` writes at once in the page without waiting for them; each acknowledgement is
 * reported to the test as it resolves (`acked`). `kind` picks the request: a memory item, or a
 * message in `conversationId`.
 */
export async function startBurst(
  page: Page,
  options: { prefix: string; count: number; kind: 'memory' | 'message'; conversationId?: string },
  acked: string[],
  refused: { text: string; code: string; message: string }[] = [],
): Promise<void> {
  const ack = `reportAck${Math.random().toString(36).slice(2)}`
  const nack = `reportNack${Math.random().toString(36).slice(2)}`
  await page.exposeFunction(ack, (text: string) => void acked.push(text))
  await page.exposeFunction(
    nack,
    (text: string, code: string, message: string) => void refused.push({ text, code, message }),
  )
  await page.evaluate(
    ([o, a, n]) => {
      type Client = { request(name: string, input: unknown): Promise<Answer> }
      const w = window as unknown as Record<string, unknown> & { keepsakeClient: Client }
      const report = w[a] as (text: string) => void
      const refuse = w[n] as (text: string, code: string, message: string) => void
      for (let i = 0; i < o.count; i++) {
        const text = `${o.prefix} ${i}`
        const sent =
          o.kind === 'memory'
            ? w.keepsakeClient.request('memory.remember', { text })
            : w.keepsakeClient.request('chat.send', { conversationId: o.conversationId, text })
        void sent.then((r) =>
          r.ok ? report(text) : refuse(text, r.error?.code ?? '', r.error?.message ?? ''),
        )
      }
    },
    [options, ack, nack] as const,
  )
}
