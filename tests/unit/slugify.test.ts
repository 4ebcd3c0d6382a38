import { describe, expect, it } from 'vitest'

import { slugify } from '../../src/fields/slugify'

describe('slugify', () => {
  it('folds accents and keeps words apart with single hyphens', () => {
    expect(slugify('Nürburgring 24 Hours — Über Rennen')).toBe('nurburgring-24-hours-uber-rennen')
  })

  it('keeps car numbers without the hash and drops apostrophes', () => {
    expect(slugify("Cadillac's #31 wins Petit Le Mans!")).toBe('cadillacs-31-wins-petit-le-mans')
  })

  it('spells out ampersands and special Latin letters', () => {
    expect(slugify('Straße & Søren Ærø')).toBe('strasse-and-soren-aero')
  })

  it('gives nothing for empty or punctuation-only input', () => {
    expect(slugify('  -- ')).toBeUndefined()
    expect(slugify(undefined)).toBeUndefined()
  })

  it('caps length without a trailing hyphen', () => {
    const slug = slugify('word '.repeat(60))!
    expect(slug.length).toBeLessThanOrEqual(120)
    expect(slug.endsWith('-')).toBe(false)
  })
})
