import { describe, expect, it } from 'vitest'
import { shownError } from '../../../renderer/ui/lib/human-error'

describe('shownError', () => {
  it('says an internal failure plainly, without the name of the request that failed', () => {
    const shown = shownError({
      code: 'internal',
      message: 'Something went wrong while handling files.import. Your data is unchanged.',
    })
    expect(shown).not.toContain('files.import')
    expect(shown).toBe(
      'Something went wrong. Your data is unchanged. Try again; if it keeps happening, restart Keepsake.',
    )
  })

  it('keeps a message written for people whole, every line of it', () => {
    const message =
      'bench.keepsake could not be imported:\nconversations[0].messages[3].createdAt: expected an ISO date'
    expect(shownError({ code: 'file-invalid', message })).toBe(message)
  })
})
