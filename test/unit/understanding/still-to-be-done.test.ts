import { describe, expect, it } from 'vitest'
import { openAfter } from '../../support/understanding/say-in-turn'
import { readStatus } from '../../../renderer/runtime/understanding/rules-status'

const read = (text: string): ReturnType<typeof readStatus> =>
  readStatus({ text, now: new Date('2026-01-10T09:00:00Z'), correction: false, explicit: false })

describe('a thing that must or should also be done is still to do', () => {
  it.each([
    'My own return must also be filed before then',
    'the invoices should also be sent before the audit',
    'the deposit must still be paid on the 1st',
  ])('"%s" reports nothing done', (text) => {
    expect(read(text)?.status).not.toBe('done')
  })

  it('still reads the thing done as done', () => {
    expect(read('the forms have been posted')).toEqual(
      expect.objectContaining({ about: 'forms', status: 'done' }),
    )
  })

  it('leaves the open task open', async () => {
    expect(
      await openAfter([
        'I have eleven client returns outstanding, all due by 31 January',
        'My own return must also be filed before then, which I confess I keep putting off.',
      ]),
    ).toEqual(
      expect.arrayContaining([
        { text: expect.stringMatching(/eleven client returns/u), open: true },
      ]),
    )
  })
})
