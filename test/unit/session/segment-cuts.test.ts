import { expect, test } from 'vitest'
import { segmentCuts } from '../../../renderer/runtime/files/segment-cuts'
import { CURRENT_SCHEMA_VERSION, type Message } from '../../../shared/schema/current'

const messages = (count: number, replies: Record<number, number> = {}): Message[] =>
  Array.from({ length: count }, (_, i) => ({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: `m${i}`,
    role: 'user',
    text: `${i}`,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    deviceId: 'd',
    speaker: null,
    replyTo: replies[i] === undefined ? null : `m${replies[i]}`,
    error: null,
  }))

test('a conversation is cut every `size` messages, and not at all when it fits in one document', () => {
  expect(segmentCuts(messages(0), 4)).toEqual([0])
  expect(segmentCuts(messages(4), 4)).toEqual([0])
  expect(segmentCuts(messages(5), 4)).toEqual([0, 4])
  expect(segmentCuts(messages(12), 4)).toEqual([0, 4, 8])
})

test('a cut never parts an answer from the question just before it', () => {
  // Message 4 answers 3, and 5 answers 4: the next document starts at 6.
  expect(segmentCuts(messages(12, { 4: 3, 5: 4 }), 4)).toEqual([0, 6, 10])
  // An answer to an older message does not move the cut.
  expect(segmentCuts(messages(9, { 4: 1 }), 4)).toEqual([0, 4, 8])
  // Answers up to the end: one document.
  expect(segmentCuts(messages(6, { 4: 3, 5: 4 }), 4)).toEqual([0])
})
