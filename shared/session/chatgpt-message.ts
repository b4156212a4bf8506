import type { ChatGptMessage } from './chatgpt-export'
import { cleanCitations } from './clean-citations'
import type { ReportCode, ReportTally } from './import-report'

/** What one ChatGPT message becomes in Keepsake. */
export type ChatGptReading =
  | { type: 'say'; role: 'user' | 'assistant' | 'system'; text: string }
  | { type: 'tool'; kind: 'call' | 'result'; name: string; text: string }
  | {
      type: 'leave-out'
      code: Extract<ReportCode, 'hidden' | 'reasoning' | 'empty' | 'unreadable'>
    }

/** Context a person set up, not a message they saw (custom instructions, memory). */
const CONTEXT_TYPES = new Set(['user_editable_context', 'model_editable_context'])
/** Content types whose text this importer knows how to read; an empty one of these is just empty. */
const READABLE_TYPES = new Set([
  'text',
  'multimodal_text',
  'code',
  'execution_output',
  'tether_browsing_display',
  'tether_quote',
  'system_error',
])
/** The model thinking before it answers; ChatGPT shows it apart from the answer. */
const REASONING_TYPES = new Set(['thoughts', 'reasoning_recap'])

const record = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

/** Attachment names by file id, so `file-service://file-abc` reads as `[image: chart.png]`. */
function attachmentNames(m: ChatGptMessage): Map<string, { name: string; image: boolean }> {
  const names = new Map<string, { name: string; image: boolean }>()
  const list = m.metadata?.['attachments']
  if (!Array.isArray(list)) return names
  for (const a of list) {
    const r = record(a)
    const id = str(r?.['id'])
    const name = str(r?.['name'])
    if (!id || !name) continue
    const mime = str(r?.['mime_type']) ?? ''
    names.set(id, { name, image: mime.startsWith('image/') })
  }
  return names
}

const fileIdOf = (pointer: string): string => pointer.replace(/^[a-z-]+:\/\//, '')

/** The readable text of a message's content; images, files and voice become placeholders. */
function contentText(m: ChatGptMessage, tally: ReportTally): string {
  const c = m.content
  const parts = c.parts ?? []
  switch (c.content_type) {
    case 'tether_quote': {
      const r = record(c)
      return [str(r?.['title']), str(r?.['url']), str(r?.['text'])].filter(Boolean).join('\n')
    }
    case 'tether_browsing_display':
      return str(record(c)?.['result']) ?? str(record(c)?.['summary']) ?? ''
    case 'system_error': {
      const name = str(record(c)?.['name'])
      return [name, c.text].filter(Boolean).join(': ')
    }
  }
  const names = attachmentNames(m)
  const shown = new Set<string>()
  const out: string[] = []
  let voice = false
  let images = 0
  for (const part of parts) {
    if (typeof part === 'string') {
      if (part !== '') out.push(part)
      continue
    }
    const r = record(part)
    const type = str(r?.['content_type'])
    if (type === 'image_asset_pointer') {
      const id = fileIdOf(str(r?.['asset_pointer']) ?? '')
      const known = names.get(id)
      shown.add(id)
      out.push(known ? `[image: ${known.name}]` : '[image]')
      images++
    } else if (type === 'audio_transcription') {
      const said = str(r?.['text']) ?? ''
      if (said.trim() !== '') out.push(said)
      voice = true
    } else if (type && /audio|video/.test(type)) {
      voice = true
    } else {
      const text = str(r?.['text'])
      if (text) out.push(text)
    }
  }
  if (voice && !out.some((t) => t.trim() !== '')) out.push('[voice message]')
  if (parts.length === 0 && c.text) out.push(c.text)
  let files = 0
  for (const [id, a] of names) {
    if (shown.has(id)) continue
    out.push(a.image ? `[image: ${a.name}]` : `[file: ${a.name}]`)
    if (a.image) images++
    else files++
  }
  tally.add('images', images)
  tally.add('files', files)
  if (voice) tally.add('voice')
  return out.join('\n')
}

/**
 * Reads one message of the current branch: what a person saw (with placeholders and citation markup
 * made plain), a tool step, or something left out with the reason — every case counted in `tally`.
 */
export function readChatGptMessage(m: ChatGptMessage, tally: ReportTally): ChatGptReading {
  const role = m.author.role
  const type = m.content.content_type
  if (m.metadata?.['is_visually_hidden_from_conversation'] === true || CONTEXT_TYPES.has(type))
    return { type: 'leave-out', code: 'hidden' }
  if (REASONING_TYPES.has(type) || m.channel === 'analysis')
    return { type: 'leave-out', code: 'reasoning' }
  const text = contentText(m, tally)
  const toTool = role === 'assistant' && m.recipient != null && m.recipient !== 'all'
  if (role === 'tool' || toTool) {
    tally.add('tool-steps')
    return toTool
      ? { type: 'tool', kind: 'call', name: m.recipient ?? 'tool', text }
      : { type: 'tool', kind: 'result', name: m.author.name || 'tool', text }
  }
  if (role !== 'user' && role !== 'assistant' && role !== 'system')
    return { type: 'leave-out', code: 'unreadable' }
  if (text.trim() === '')
    return { type: 'leave-out', code: READABLE_TYPES.has(type) ? 'empty' : 'unreadable' }
  const cleaned = cleanCitations(text)
  if (cleaned.changed) tally.add('citations')
  let said = cleaned.text
  const finish = record(m.metadata?.['finish_details'])
  if (role === 'assistant' && str(finish?.['type']) === 'interrupted') {
    said += '\n\n[This answer was interrupted in ChatGPT.]'
    tally.add('interrupted')
  }
  return { type: 'say', role, text: said }
}
