import { describe, expect, it } from 'vitest'
import { kinNamesCapitalised } from '../../../renderer/runtime/understanding/kin-name-case'

describe('names typed in lower case after "my partner", "our son", "called"', () => {
  it("writes a name after one of the person's people as a name", () => {
    expect(kinNamesCapitalised('my partner tom is a sound engineer')).toBe(
      'my partner Tom is a sound engineer',
    )
    expect(kinNamesCapitalised('my son jake has footy on tuesdays')).toBe(
      'my son Jake has footy on tuesdays',
    )
    expect(kinNamesCapitalised('my boss mark wants it by friday')).toBe(
      'my boss Mark wants it by friday',
    )
    expect(kinNamesCapitalised('our dog rusty is limping again')).toBe(
      'our dog Rusty is limping again',
    )
  })

  it('writes a name given with "called" or "named" as a name', () => {
    expect(kinNamesCapitalised("we've got a rescue greyhound called biscuit")).toBe(
      "we've got a rescue greyhound called Biscuit",
    )
    expect(kinNamesCapitalised("my daughter's called aoife")).toBe("my daughter's called Aoife")
    expect(kinNamesCapitalised('the new puppy is named mochi')).toBe('the new puppy is named Mochi')
  })

  it('leaves words that are not names there as they are', () => {
    for (const text of [
      'my sister may come over on sunday',
      'my wife will drive us',
      'my son drew a picture of the house',
      'my mum and dad are coming',
      'a dog named after my grandad',
      'my mum called yesterday',
      'I called the vet',
      'my assistant baker Tom is off',
      'the garage called today',
      'a man called round about the fence',
    ])
      expect(kinNamesCapitalised(text)).toBe(text)
  })
})
