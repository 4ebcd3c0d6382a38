import { describe, expect, it } from 'vitest'

import { creditLine } from '../../src/collections/Photos/credit'

describe('creditLine', () => {
  it('prints "NAME / AGENCY" when the photographer works for an agency', () => {
    expect(creditLine({ name: 'Michael L. Levitt', agency: 'Motorsport Images' })).toBe('Michael L. Levitt / Motorsport Images')
  })

  it('prints the name alone for an independent photographer', () => {
    expect(creditLine({ name: 'Art Fleischmann', agency: null })).toBe('Art Fleischmann')
  })

  it("prefers the photographer's own default credit line", () => {
    expect(creditLine({ name: 'Jane Doe', agency: 'X', defaultCreditLine: 'Jane Doe for X Images' })).toBe('Jane Doe for X Images')
  })

  it("lets the editor's override win over everything", () => {
    expect(creditLine({ name: 'Jane Doe', agency: 'X' }, '  Pool photo /  IMSA ')).toBe('Pool photo / IMSA')
  })

  it('gives nothing when there is neither photographer nor override', () => {
    expect(creditLine(null, '  ')).toBeUndefined()
    expect(creditLine({ name: ' ', agency: null })).toBeUndefined()
  })
})
