/** Tags reasoning models wrap their thinking in (DeepSeek-R1, Qwen3, QwQ and their kin). */
const BLOCK = /<(think|thinking|reasoning)>([\s\S]*?)(?:<\/\1>|$)/gi
/** A close tag with no open tag: the template opened the block in the prompt, the model closed it. */
const ORPHAN_CLOSE = /^([\s\S]*?)<\/(?:think|thinking|reasoning)>/i

/**
 * Splits a model's text into the answer and its reasoning. Every `<think>…</think>` block goes to
 * `reasoning`, so do an unclosed one at the end (still being streamed) and anything before a close
 * tag without an open one. The answer is what is stored, shown, resent, exported and indexed.
 * @example splitReasoning('<think>User wants…</think>Noted.') // { text: 'Noted.', reasoning: 'User wants…' }
 */
export function splitReasoning(raw: string): { text: string; reasoning: string } {
  const parts: string[] = []
  let text = raw
  const orphan = ORPHAN_CLOSE.exec(text)
  if (orphan && !/<(?:think|thinking|reasoning)>/i.test(orphan[1] ?? '')) {
    parts.push((orphan[1] ?? '').trim())
    text = text.slice(orphan[0].length)
  }
  text = text.replace(BLOCK, (_all, _tag: string, inner: string) => {
    parts.push(inner.trim())
    return ''
  })
  const reasoning = parts.filter((p) => p !== '').join('\n\n')
  return { text: reasoning === '' && text === raw ? raw : text.trim(), reasoning }
}
