import { expect, it } from 'vitest'
import { encodeSealedPages, readSealedPages } from '../../../renderer/runtime/docs/sealed-pages'

const m = (id: string, createdAt: string) => ({
  id,
  createdAt,
  record: { id, createdAt, text: id },
})
const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value))

it('reads back what it encoded, in read order', () => {
  const messages = [
    m('a', '2026-01-01T00:00:00.000Z'),
    m('b', '2026-01-01T00:00:00.000Z'),
    m('c', '2026-01-02T00:00:00.000Z'),
  ]
  expect(readSealedPages(encodeSealedPages(messages))).toEqual({ ok: true, value: messages })
})

it('refuses pages that are not JSON, not this shape, repeat a message or are out of order, saying where', () => {
  expect(readSealedPages(new Uint8Array([0xff, 0xfe]))).toMatchObject({
    ok: false,
    error: { path: 'pages' },
  })
  expect(readSealedPages(json({ v: 2, messages: [] }))).toMatchObject({
    ok: false,
    error: { path: 'pages.v' },
  })
  expect(
    readSealedPages(
      json({
        v: 1,
        messages: [
          ['a', '2026', {}],
          ['', '2027', {}],
        ],
      }),
    ),
  ).toMatchObject({
    ok: false,
    error: { path: 'pages.messages[1][0]' },
  })
  const twice = encodeSealedPages([m('a', '2026-01-01'), m('a', '2026-01-02')])
  expect(readSealedPages(twice)).toMatchObject({
    ok: false,
    error: { path: 'pages.messages[1]', message: 'pages.messages[1]: the message "a" again' },
  })
  const backwards = encodeSealedPages([m('b', '2026-01-02'), m('a', '2026-01-01')])
  expect(readSealedPages(backwards)).toMatchObject({
    ok: false,
    error: {
      path: 'pages.messages[1]',
      message: 'pages.messages[1]: out of read order (time, then id)',
    },
  })
})
