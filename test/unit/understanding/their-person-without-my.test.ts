import { describe, expect, it } from 'vitest'
import { restoreSubject } from '../../../renderer/runtime/understanding/subject-drop'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const now = new Date('2027-01-12T10:00:00Z')
const texts = (text: string): string[] =>
  analyze(text, now).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.text) : [],
  )

describe('one of their people named with the "my" left out', () => {
  it('puts the "my" back before a relation, a name and what is said of them', () => {
    expect(restoreSubject('girlfriend Réka is a pharmacist at the N&N')).toBe(
      'my girlfriend Réka is a pharmacist at the N&N',
    )
    expect(restoreSubject('Husband Farai and the boys are still in Harare')).toBe(
      'my husband Farai and the boys are still in Harare',
    )
    expect(restoreSubject('older brother Tunde lives in Lagos')).toBe(
      'my older brother Tunde lives in Lagos',
    )
  })

  it('files it as a fact about them', () => {
    expect(texts('girlfriend Réka is a pharmacist at the N&N')).toEqual([
      'My girlfriend Réka is a pharmacist at the N&N',
    ])
  })

  it('leaves a relation word that names no one alone', () => {
    expect(restoreSubject('physio Tuesday at 4 in Bakewell')).toBe(
      'physio Tuesday at 4 in Bakewell',
    )
    expect(restoreSubject('vet has her on tubes')).toBe('vet has her on tubes')
  })
})
