import type { MessageTool } from '../../../shared/schema/message-extensions'

/** Families of tool names as ChatGPT and Claude call them, and how a step of each reads. */
const FAMILIES: { test: RegExp; call: string; result: string }[] = [
  {
    test: /^(web|browser|search|web_search|tether)/i,
    call: 'Used web search',
    result: 'Web search results',
  },
  {
    test: /^(python|code|execute|bash|repl|analysis|jupyter)/i,
    call: 'Ran code',
    result: 'Code output',
  },
  { test: /^(canmore|artifacts?)/i, call: 'Edited a canvas document', result: 'Canvas document' },
  { test: /^(dalle|image_gen|t2uay3k)/i, call: 'Asked for an image', result: 'Made an image' },
  { test: /^(bio|memory)/i, call: 'Updated its memory', result: 'Memory updated' },
  {
    test: /^(file_search|myfiles_browser|drive|google_drive)/i,
    call: 'Searched files',
    result: 'File search results',
  },
]

/** What a folded tool step says: "Used web search", "Code output", or the tool's own name. */
export function toolLabel(tool: MessageTool): string {
  const family = FAMILIES.find((f) => f.test.test(tool.name))
  if (family) return tool.kind === 'call' ? family.call : family.result
  return tool.kind === 'call' ? `Used ${tool.name}` : `${tool.name} result`
}
