import type { Page } from '@playwright/test'

/** Says something through the app's own client and waits until the assistant has answered. */
export async function tell(page: Page, conversationId: string, text: string): Promise<void> {
  await page.evaluate(
    async ({ conversationId, text }) => {
      type Client = {
        request(name: string, input: unknown): Promise<{ ok: boolean }>
        on(
          name: string,
          listener: (p: { conversationId: string; messages: { role: string }[] }) => void,
        ): () => void
      }
      const client = (window as unknown as { keepsakeClient: Client }).keepsakeClient
      const replied = new Promise<void>((resolve) => {
        const off = client.on('messages.appended', (p) => {
          if (
            p.conversationId === conversationId &&
            p.messages.some((m) => m.role === 'assistant')
          ) {
            off()
            resolve()
          }
        })
      })
      const sent = await client.request('chat.send', { conversationId, text })
      if (!sent.ok) throw new Error('chat.send failed')
      await replied
    },
    { conversationId, text },
  )
}

export async function newConversation(page: Page): Promise<string> {
  return page.evaluate(async () => {
    type Client = {
      request(name: string, input: unknown): Promise<{ ok: boolean; value?: { id: string } }>
    }
    const client = (window as unknown as { keepsakeClient: Client }).keepsakeClient
    const r = await client.request('conversations.create', {})
    if (!r.ok || !r.value) throw new Error('conversations.create failed')
    return r.value.id
  })
}
