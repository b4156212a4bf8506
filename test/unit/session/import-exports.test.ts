import { expect, test } from 'vitest'
import { nodeGzip } from '../../../electron/cli/node-gzip'
import { loadSession } from '../../../shared/session/load-session'
import { describeProblem } from '../../../shared/session/problems'
import { importSource, sourceFiles, ACCEPTED_FORMATS } from '../../../shared/session/import-source'
import { chatGptToSession } from '../../../shared/session/import-chatgpt'
import { toEnvelopeValue } from '../../../shared/session/session-data'
import { ChatGptConversationBuilder, text } from '../../fixtures/imports/chatgpt-builder'
import { chatGptConversations, chatGptShards } from '../../fixtures/imports/chatgpt-export'
import { chatGptShardedZip, chatGptSingleZip, claudeZip } from '../../fixtures/imports/export-zips'
import { claudeConversations } from '../../fixtures/imports/claude-export'

const options = {
  spaceName: 'Imported',
  spaceId: 'space-1',
  now: new Date('2026-06-01T12:00:00.000Z'),
  appVersion: 'test',
  gzip: nodeGzip,
}
const bytes = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value))

async function run(name: string, data: Uint8Array) {
  const files = sourceFiles(name, data, options)
  if (!files.ok) return files
  return importSource(name, files.value.files, files.value.collection, options)
}

async function imported(name: string, data: Uint8Array) {
  const r = await run(name, data)
  if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'))
  return r.value
}

const problems = async (name: string, data: Uint8Array): Promise<string[]> => {
  const r = await run(name, data)
  return r.ok ? [] : r.problems.map(describeProblem)
}

test('a sharded ChatGPT zip imports every conversation and reports what it changed', async () => {
  const { data, report } = await imported('chatgpt-export.zip', chatGptShardedZip())
  expect(report).toMatchObject({
    source: 'chatgpt',
    files: ['conversations-000.json', 'conversations-001.json'],
    conversations: 4,
    messages: 27,
  })
  expect(report.lines.map((l) => l.text)).toEqual([
    '12 tool calls and results kept as tool steps',
    '3 images kept as placeholders',
    '1 file or attachment kept as a placeholder',
    '2 voice messages kept as their transcript',
    '3 messages with citation markup cleaned',
    '1 interrupted answer marked as interrupted',
    '7 message times moved to keep the conversation in order (original times kept)',
    '4 message ids shared with another conversation given new ids',
    '4 hidden system and context messages left out',
    '4 reasoning and thinking steps left out',
    '2 messages on branches that were not current left out (edits, regenerations)',
  ])
  // What the importer made is a session this build reads back without a problem.
  const reread = loadSession(JSON.parse(JSON.stringify(toEnvelopeValue(data, 'json'))))
  expect(reread.ok).toBe(true)
})

test('the current branch reads in tree order with times that only go forward', async () => {
  const { data } = await imported('chatgpt-export.zip', chatGptShardedZip())
  const lisbon = data.conversations.find((c) => c.title === 'Quiet hotel in Lisbon')
  expect(lisbon?.messages.map((m) => [m.id, m.role, m.tool?.name ?? null, m.text])).toEqual([
    ['gpt-u1', 'user', null, 'Find me a quiet hotel in Alfama for late May'],
    ['gpt-c1', 'system', 'web.run', '{"search_query":[{"q":"quiet hotel Alfama May"}]}'],
    ['gpt-r1', 'system', 'web.run', 'Casa do Largo: quiet rooms near Largo do Chafariz'],
    [
      'gpt-a1',
      'assistant',
      null,
      'Casa do Largo is quiet and close to the tram. Ask for a courtyard room.',
    ],
    ['gpt-u2', 'user', null, '[image: balcony.jpg]\nIs this balcony view from Casa do Largo?'],
    [
      'gpt-a2',
      'assistant',
      null,
      'It looks like the river view from the upper floors, so\n\n[This answer was interrupted in ChatGPT.]',
    ],
  ])
  const times = lisbon?.messages.map((m) => Date.parse(m.createdAt)) ?? []
  expect(times).toEqual([...times].sort((a, b) => a - b))
  expect(new Set(times).size).toBe(times.length)
  // The answer was stamped before the question (client clock); it moved after it, original kept.
  const answer = lisbon?.messages[3]
  expect(answer?.createdAt).toBe('2025-03-01T12:00:40.003Z')
  expect(answer?.sourceCreatedAt).toBe('2025-03-01T12:00:17.000Z')
  expect(lisbon?.createdAt).toBe('2025-03-01T12:00:00.000Z')
})

test('voice, images and files keep their place; tool steps are never the assistant speaking', async () => {
  const { data } = await imported('chatgpt-export.zip', chatGptShardedZip())
  const bread = data.conversations.find((c) => c.title === 'Sourdough starter')
  expect(bread?.messages.map((m) => m.text)).toEqual([
    'How long should my sourdough starter rest before baking?',
    'Let it rise until it doubles, usually four to six hours.',
    '[image]',
    'Here are my notes\n[file: starter-notes.pdf]',
    'Your notes say the starter peaked at five hours.',
  ])
  const rain = data.conversations.find((c) => c.title === 'Lisbon rainfall chart')
  const steps = rain?.messages.filter((m) => m.tool) ?? []
  expect(steps.map((m) => `${m.tool?.kind} ${m.tool?.name}`)).toEqual([
    'call python',
    'result python',
    'result python',
    'call canmore.create_textdoc',
    'result canmore.create_textdoc',
    'result myfiles_browser',
    'result python',
    'call bio',
  ])
  expect(steps.every((m) => m.role === 'system')).toBe(true)
  expect(rain?.messages.at(-1)?.text).toBe(
    'In Lisbon November is the wettest month, with about 130 mm of rain.',
  )
})

test('ids a branched copy reuses get new ids the same way whatever order the export lists', async () => {
  const first = chatGptToSession(bytes(chatGptConversations()), options)
  const reversed = chatGptToSession(bytes([...chatGptConversations()].reverse()), options)
  if (!first.ok || !reversed.ok) throw new Error('import failed')
  const ids = (r: typeof first & { ok: true }) =>
    r.value.data.conversations.flatMap((c) => c.messages.map((m) => m.id)).sort()
  expect(ids(reversed)).toEqual(ids(first))
  const copy = first.value.data.conversations.find((c) => c.title.startsWith('Branch'))
  expect(copy?.messages[0]?.id).toBe('c3c3c3c3-0000-4000-8000-00000000000c:gpt-u1')
  expect(new Set(ids(first)).size).toBe(27)
})

test('the single file, its zip and the shards give the same session', async () => {
  const shape = (d: Awaited<ReturnType<typeof imported>>) =>
    d.data.conversations.map((c) => [c.id, c.messages.map((m) => [m.id, m.text, m.createdAt])])
  const sharded = shape(await imported('export.zip', chatGptShardedZip()))
  expect(shape(await imported('export.zip', chatGptSingleZip()))).toEqual(sharded)
  expect(shape(await imported('conversations.json', bytes(chatGptConversations())))).toEqual(
    sharded,
  )
  // One shard on its own imports too.
  const shard = await imported('conversations-001.json', bytes(chatGptShards()[1]))
  expect(shard.report.conversations).toBe(2)
})

test('a Claude.ai zip keeps text blocks, tool steps and placeholders, never the thinking', async () => {
  const { data, report } = await imported('claude-export.zip', claudeZip())
  expect(report).toMatchObject({ source: 'claude', conversations: 2, messages: 8 })
  expect(report.lines.map((l) => l.text)).toEqual([
    '2 tool calls and results kept as tool steps',
    '1 image kept as a placeholder',
    '1 file or attachment kept as a placeholder',
    '2 message times moved to keep the conversation in order (original times kept)',
    '1 reasoning or thinking step left out',
  ])
  const garden = data.conversations[0]
  expect(garden?.messages.map((m) => [m.id, m.role, m.tool?.kind ?? null, m.text])).toEqual([
    [
      'claude-m1',
      'user',
      null,
      'Which tomatoes grow well on a windy balcony?\n\n[file: balcony-plan.txt]',
    ],
    ['claude-m2', 'system', 'call', '{\n  "query": "tomatoes windy balcony"\n}'],
    [
      'claude-m2:1',
      'system',
      'result',
      'Cherry tomatoes tolerate wind better than beefsteak types.',
    ],
    ['claude-m2:2', 'assistant', null, 'Cherry tomatoes such as Sungold cope best with the wind.'],
    ['claude-m3', 'user', null, 'Thanks, here is the spot\n\n[image: balcony.jpg]'],
    ['claude-m4', 'assistant', null, 'That corner gets enough sun for them. Happy growing!'],
  ])
  expect(JSON.stringify(data)).not.toContain('cherry types are sturdier')
  expect(data.conversations[1]?.messages.map((m) => m.text)).toEqual([
    'What is a good name for a grey cat?',
    'Ash, Smoke or Pebble.',
  ])
  // The bare conversations.json is recognised as Claude's, not refused as a broken ChatGPT file.
  const bare = await imported('conversations.json', bytes(claudeConversations()))
  expect(bare.report.source).toBe('claude')
})

test('node names like constructor and toString are ordinary nodes; a missing one is named', () => {
  const c = new ChatGptConversationBuilder('conv-proto', 'Proto', 1000, 'toString')
  c.add({ id: 'constructor', role: 'user', at: 1001, content: text('hello') })
  c.add({ id: 'valueOf', role: 'assistant', at: 1002, content: text('hi there') })
  const ok = chatGptToSession(bytes([c.build({ current_node: 'valueOf' })]), options)
  if (!ok.ok) throw new Error(ok.problems.map(describeProblem).join('\n'))
  expect(ok.value.data.conversations[0]?.messages.map((m) => m.text)).toEqual(['hello', 'hi there'])
  const missing = chatGptToSession(bytes([c.build({ current_node: 'hasOwnProperty' })]), options)
  expect(missing.ok ? [] : missing.problems.map(describeProblem)).toEqual([
    '[0].current_node: there is no node "hasOwnProperty" in mapping',
  ])
  const proto = chatGptToSession(
    new TextEncoder().encode('[{"mapping":{"__proto__":{"children":[]}}}]'),
    options,
  )
  expect(proto.ok ? [] : proto.problems.map(describeProblem)).toEqual([
    expect.stringMatching(/^\[0\]\.mapping\.__proto__: /),
  ])
})

test('parent loops are refused with their path, and long problem lists say how many more', () => {
  const c = new ChatGptConversationBuilder('conv-loop', 'Loop', 1000)
  c.add({ id: 'x', role: 'user', at: 1001, content: text('a') })
  c.add({ id: 'y', role: 'assistant', at: 1002, content: text('b') })
  const built = c.build()
  const mapping = built['mapping'] as Record<string, { parent: string | null }>
  if (mapping['x']) mapping['x'].parent = 'y'
  const r = chatGptToSession(bytes([built]), options)
  expect(r.ok ? [] : r.problems.map(describeProblem)).toEqual([
    '[0].mapping.x.parent: the parents form a loop: y → x → y',
  ])
  const broken = Array.from({ length: 130 }, () => ({ title: 't', mapping: 'nope' }))
  const many = chatGptToSession(bytes(broken), options)
  const listed = many.ok ? [] : many.problems.map(describeProblem)
  expect(listed).toHaveLength(101)
  expect(listed.at(-1)).toBe('and 30 more problems not listed')
})

test('what is not an export Keepsake reads is refused naming the formats it takes', async () => {
  expect(await problems('notes.txt', new TextEncoder().encode('hello'))).toEqual([
    `notes.txt: this is not a file Keepsake recognises. ${ACCEPTED_FORMATS}`,
  ])
  expect(await problems('list.json', bytes([{ a: 1 }]))).toEqual([
    expect.stringContaining('neither ChatGPT conversations'),
  ])
  const { zipSync, strToU8 } = await import('fflate')
  expect(await problems('photos.zip', zipSync({ 'a.jpg': strToU8('x') }))).toEqual([
    `photos.zip: there is no conversations.json or conversations-000.json in it (it holds 1 file: a.jpg). ${ACCEPTED_FORMATS}`,
  ])
})

test('the shards of an unpacked export chosen together in the app import as one export', async () => {
  const { readImportFile } = await import('../../../renderer/runtime/files/read-import')
  const [first, second] = chatGptShards()
  const r = await readImportFile(
    'conversations-000.json',
    bytes(first),
    new Date('2026-06-01T12:00:00.000Z'),
    undefined,
    [
      { fileName: 'conversations-001.json', bytes: bytes(second) },
      { fileName: 'user.json', bytes: bytes({ id: 'someone' }) },
    ],
  )
  if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'))
  expect([r.value.kind, r.value.data.space.name, r.value.report.messages]).toEqual([
    'chatgpt',
    'ChatGPT',
    27,
  ])
  expect(r.value.report.files).toEqual(['conversations-000.json', 'conversations-001.json'])
})

test('reasoning on the analysis channel is left out; content of an unknown kind is counted, not hidden', () => {
  const c = new ChatGptConversationBuilder('conv-channels', 'Channels', 1000)
  c.add({ id: 'q', role: 'user', at: 1001, content: text('Which is faster?') })
  const built = c
    .add({ id: 'think', role: 'assistant', at: 1002, content: text('Let me weigh both options.') })
    .add({ id: 'odd', role: 'assistant', at: 1003, content: { content_type: 'sonic_webpage' } })
    .add({ id: 'say', role: 'assistant', at: 1004, content: text('The second one.') })
    .build()
  const mapping = built['mapping'] as Record<string, { message: Record<string, unknown> }>
  const think = mapping['think']
  if (think) think.message['channel'] = 'analysis'
  const r = chatGptToSession(bytes([built]), options)
  if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'))
  expect(r.value.data.conversations[0]?.messages.map((m) => m.id)).toEqual(['q', 'say'])
  expect(r.value.report.lines.map((l) => l.text)).toEqual([
    '1 reasoning or thinking step left out',
    '1 message with content Keepsake cannot read left out',
  ])
})

test('which export a JSON array is comes from its first conversation’s keys, whatever text comes before them', async () => {
  const bom = (b: Uint8Array): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...b])
  // A Claude conversation whose name mentions "mapping" in other words, written with non-ASCII text before its keys.
  const claude = bytes([
    {
      uuid: 'c1',
      name: 'Café “mapping” notes ☕',
      created_at: '2026-01-01T00:00:00Z',
      chat_messages: [],
    },
  ])
  expect((await imported('conversations.json', bom(claude))).report.source).toBe('claude')
  const chatgpt = bytes([{ title: 'Über chat_messages', mapping: {}, create_time: 1 }])
  expect((await imported('conversations.json', bom(chatgpt))).report.source).toBe('chatgpt')
  expect(
    (await imported('conversations.json', bom(new TextEncoder().encode(' [ \n ] ')))).report
      .conversations,
  ).toBe(0)
})
