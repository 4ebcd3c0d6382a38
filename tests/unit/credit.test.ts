import { describe, expect, it } from 'vitest'

import { creditLine } from '../../src/collections/Photos/credit'
import { quoteLabel, splitRole } from '../../src/collections/Quotes/hooks/labelQuote'
import { quoteAttribution, quoteHtml } from '../../src/delivery/render/body'

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

describe('a role that names the car', () => {
  it('is split into the role and the entry', () => {
    expect(splitRole('Driver, #60 Meyer Shank Racing Acura')).toEqual({
      role: 'Driver',
      entry: '#60 Meyer Shank Racing Acura',
    })
    expect(splitRole('Driver, #31')).toEqual({ role: 'Driver', entry: '#31' })
    expect(splitRole('Driver of the No. 7 Fjord Motorsport Audi')).toEqual({
      role: 'Driver',
      entry: 'No. 7 Fjord Motorsport Audi',
    })
  })

  it('is left alone when it names no car', () => {
    expect(splitRole('Vice president, Global Cadillac')).toEqual({
      role: 'Vice president, Global Cadillac',
    })
    expect(splitRole(null)).toEqual({})
  })
})

describe('a quote in HTML', () => {
  const speaker = {
    id: '1',
    name: 'Tom Blomqvist',
    slug: null,
    kind: null,
    nationality: null,
    organisation: null,
  }
  it('cites "Name, role (organisation)" and prints the entry after the cite', () => {
    expect(
      quoteHtml({
        id: '1',
        text: 'We had the pace.',
        speaker,
        role: 'Driver',
        organisation: 'Meyer Shank Racing',
        entry: '#60 Meyer Shank Racing Acura',
        attribution: 'Tom Blomqvist, Driver (Meyer Shank Racing)',
      }),
    ).toBe(
      '<blockquote class="quote"><p>We had the pace.</p><footer>— <cite><span class="speaker">Tom Blomqvist</span>, <span class="role">Driver</span> (<span class="organisation">Meyer Shank Racing</span>)</cite> · <span class="entry">#60 Meyer Shank Racing Acura</span></footer></blockquote>',
    )
  })

  it('leaves out what is missing', () => {
    expect(quoteAttribution({ speaker, role: null, organisation: 'Cadillac' })).toBe(
      'Tom Blomqvist (Cadillac)',
    )
    expect(quoteAttribution({ speaker, role: 'Driver', organisation: null })).toBe(
      'Tom Blomqvist, Driver',
    )
  })
})
