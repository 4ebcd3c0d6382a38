import { describe, expect, it } from 'vitest'

import { creditLine } from '../../src/collections/Photos/credit'
import { quoteLabel } from '../../src/collections/Quotes/hooks/labelQuote'

describe('creditLine', () => {
  it('prints "NAME / AGENCY" when the photographer works for an agency', () => {
    expect(creditLine({ name: 'Michael L. Levitt', agency: 'Motorsport Images' })).toBe(
      'Michael L. Levitt / Motorsport Images',
    )
  })

  it('prints the name alone for an independent photographer', () => {
    expect(creditLine({ name: 'Art Fleischmann', agency: null })).toBe('Art Fleischmann')
  })

  it("prefers the photographer's own default credit line", () => {
    expect(
      creditLine({ name: 'Jane Doe', agency: 'X', defaultCreditLine: 'Jane Doe for X Images' }),
    ).toBe('Jane Doe for X Images')
  })

  it("lets the editor's override win over everything", () => {
    expect(creditLine({ name: 'Jane Doe', agency: 'X' }, '  Pool photo /  IMSA ')).toBe(
      'Pool photo / IMSA',
    )
  })

  it('gives nothing when there is neither photographer nor override', () => {
    expect(creditLine(null, '  ')).toBeUndefined()
    expect(creditLine({ name: ' ', agency: null })).toBeUndefined()
  })
})

describe('quoteLabel', () => {
  it('reads as quote, speaker and role', () => {
    expect(
      quoteLabel('This is a championship that everyone deserves.', 'Jack Aitken', 'Driver, #31'),
    ).toBe('“This is a championship that everyone deserves.” — Jack Aitken, Driver, #31')
  })

  it('cuts a long quote to 90 characters with an ellipsis and keeps the attribution', () => {
    const label = quoteLabel('word '.repeat(40), 'John Roth', null)
    expect(label).toMatch(/^“(word ){17}word…” — John Roth$/)
  })
})
