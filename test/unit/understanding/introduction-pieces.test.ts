import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const now = new Date('2027-01-12T10:00:00Z')
const texts = (text: string): string[] =>
  analyze(text, now).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.text) : [],
  )

describe('an introduction said in pieces', () => {
  it('names the person before a job held on or of a place', () => {
    expect(
      texts('Morning. Callum Fraser, offshore medic on the Tern Bravo platform, 3 on 3 off'),
    ).toEqual([
      'My name is Callum Fraser',
      'I am offshore medic on the Tern Bravo platform',
      'I am 3 on 3 off',
    ])
  })

  it('keeps the small words of a family name', () => {
    expect(texts('Howzit. Pieter van Wyk, I coach the U16 side at Grey High')).toContain(
      'My name is Pieter van Wyk',
    )
    expect(texts("I'm Ana da Silva, nurse at St Mary's")).toContain('My name is Ana da Silva')
  })

  it('reads a family name with a capital inside it', () => {
    expect(
      texts('Morning. Fiona McAllister, headteacher at Lochgelly West Primary, 214 pupils'),
    ).toEqual([
      'My name is Fiona McAllister',
      'I am a headteacher at Lochgelly West Primary',
      'I have 214 pupils',
    ])
  })

  it('reads a name said alone, before what they do or a number about them, as their name', () => {
    expect(texts('Mark. Prison officer. 3 kids.')).toEqual([
      'My name is Mark',
      'I am a prison officer',
    ])
    expect(
      texts(
        'alright. Gary. 14 months sober as of yesterday, doing a cookery course at Hull College',
      ),
    ).toEqual([
      'My name is Gary',
      '14 months sober as of yesterday, doing a cookery course at Hull College',
    ])
    expect(texts('hi. Priya. GP in Leicester.')).toEqual([
      'My name is Priya',
      'I am a GP in Leicester',
    ])
  })

  it('takes no hello, cry or person spoken of for the name said alone', () => {
    expect(texts("Sarah. She's my manager and she's awful")).not.toContain('My name is Sarah')
    expect(texts('Howzit. Pieter van Wyk, I coach the U16 side')).not.toContain('My name is Howzit')
    expect(texts('Hej! Linnea, I make indie games')).not.toContain('My name is Hej')
    expect(texts('Endlich Feierabend! 🍺')).toEqual([])
    expect(texts('Paris. Lovely city')).toEqual([])
    expect(texts('Bill. Due Friday, £80.')).not.toContain('My name is Bill')
  })

  it('reads a hello said with a word for the listener, and the words a learner leaves out', () => {
    expect(texts("hiya love im Brenda, dinner lady at St Aidan's")).toContain('My name is Brenda')
    expect(texts("Am Grace Mensah, head teacher of St Mark's primary")).toContain(
      'My name is Grace Mensah',
    )
    expect(texts('my name Jordan Pike, freelance graphic designer')).toEqual([
      'My name is Jordan Pike',
      'I am a freelance graphic designer',
    ])
  })

  it('reads each later piece as one more thing about them', () => {
    expect(texts("I'm Dean, single dad, drive a hackney in Coventry")).toContain(
      'I drive a hackney in Coventry',
    )
    expect(texts('I am Priyanka Sivakumar, CPA, senior accountant in Toronto')).toContain(
      'I am a CPA',
    )
    expect(
      texts(
        'heyy im Ffion, 2nd year vet student at Bristol, home is our sheep farm near Llandovery',
      ),
    ).toEqual([
      'My name is Ffion',
      'I am 2nd year vet student at Bristol',
      'I live in our sheep farm near Llandovery',
    ])
    expect(
      texts('kia ora, Mitch here, herd manager on a 650 cow dairy farm out of Morrinsville'),
    ).toEqual(['My name is Mitch', 'I am herd manager on a 650 cow dairy farm out of Morrinsville'])
  })

  it('takes a grade or a job for what it is, not a verb', () => {
    expect(texts("I'm Sam, nurse at St Luke's")).toContain("I am nurse at St Luke's")
    expect(texts("Hiya I'm Shanice, phlebotomist at Queen's Hospital, band 3")).toContain(
      'I am band 3',
    )
  })

  it('knows a trade by its ending', () => {
    expect(texts('Gary Tibbs, self employed locksmith')).toContain('I am a self employed locksmith')
  })

  it('reads "name\'s X" without "my" as their name, before the pieces after it', () => {
    expect(texts("name's Agnes, retired bus driver, Glasgow")).toEqual([
      'My name is Agnes',
      'I am a retired bus driver',
      'I live in Glasgow',
    ])
    expect(texts('names Liam')).toEqual(['My name is Liam'])
  })

  it('parts a name from what they did, said without a stop between', () => {
    expect(
      texts("name's Dennis Pryce retired from Merseyside fire and rescue 2019 after 30 years"),
    ).toEqual([
      'My name is Dennis Pryce',
      'I am retired from Merseyside fire and rescue 2019 after 30 years',
    ])
    expect(texts('my name is Ana work in a care home in Luton')).toEqual([
      'My name is Ana',
      'I work in a care home in Luton',
    ])
  })

  it('keeps the town after a street as where the place is', () => {
    expect(
      texts('Ciarán here, sous in a place called Marrow on Camden Street, Dublin'),
    ).not.toContain('I live in Dublin')
  })
})
