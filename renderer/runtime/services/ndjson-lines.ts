/**
 * The lines of a UTF-8 byte stream, without their line breaks; blank lines are skipped and a last
 * line without a break is still yielded. Reading errors (e.g. an abort) propagate to the caller.
 * @example for await (const line of ndjsonLines(response.body)) JSON.parse(line)
 */
export async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let pending = ''
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      pending += decoder.decode(value, { stream: true })
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        const trimmed = line.trim()
        if (trimmed !== '') yield trimmed
      }
    }
    const last = (pending + decoder.decode()).trim()
    if (last !== '') yield last
  } finally {
    // Stops the download when the consumer leaves early.
    await reader.cancel().catch(() => undefined)
  }
}
