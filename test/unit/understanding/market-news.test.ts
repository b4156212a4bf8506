import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { marketNews } from '../../../renderer/runtime/understanding/market-news'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [],
  )

describe('how a market moves is no one’s to keep', () => {
  it.each([
    'exchange rate is terrible rn',
    'wool price dropped 30c at the sale, farmers gutted',
    'Tomato price up to 80 rupees a kilo in Chennai',
    'Copper price hit 4 dollars at the LME',
    'Petrol is 2.10 a litre at Shell now, ridiculous',
    'Bean prices at Kariakoo market went up by 500 shillings',
    'eish, maize price is 45,000 a bag at Kitale this week',
    'Lobster prices in Maine way down this year, terrible for the boats',
    'Interest rates went up again, the Fed did it',
  ])('%s stores nothing', (text) => {
    expect(stored(text)).toEqual([])
  })

  it.each([
    'Eish, petrol going up again next month',
    'price of maize has gone through the roof',
    'coffee prices r mad',
    'Onion rate increase again in the mandi',
  ])('%s is market news too', (text) => {
    expect(marketNews(text)).toBe(true)
  })

  it.each([
    'my hourly rate is going up to £45 in April',
    'we put our prices up last week',
    'heart rate was up to 140 on the treadmill',
    'Price of crate of eggs I am selling now is 4,800',
    'Rent going up to 1200 from June',
    'response rate dropped to 40% on the survey',
    'the new schedule is up on the board',
  ])('%s is not market news', (text) => {
    expect(marketNews(text)).toBe(false)
  })

  it('keeps what of the person’s own follows the news', () => {
    expect(stored('diesel price up again so I need to put up my delivery charge')).toEqual([
      'task: Put up my delivery charge',
    ])
    expect(
      stored(
        'Feed price don increase again, my feed supplier from Ibadan is now selling 18,500 per bag',
      ),
    ).toEqual(['fact: My feed supplier from Ibadan is now selling 18,500 per bag'])
  })
})
