import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

import type { Catalogue, ReleaseUnderstanding } from '../../../src/ingest/release'

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/releases')

/** The day the fixtures are read "on", so a date line without a year stays reproducible. */
export const REFERENCE_DATE = new Date('2023-12-31T00:00:00Z')

export const catalogue: Catalogue = JSON.parse(
  readFileSync(path.join(FIXTURES, 'catalogue.json'), 'utf8'),
)

/** Every release fixture: each has a `<name>.expected.json` beside it. */
export const fixtureNames = readdirSync(FIXTURES)
  .filter((f) => !f.endsWith('.json'))
  .sort()

export interface ExpectedRelease {
  format: ReleaseUnderstanding['format']
  headline: string | null
  subheadline: string | null
  dateline: ReleaseUnderstanding['dateline']
  quotes: {
    text: string
    speaker: string | null
    role: string | null
    organisation: string | null
    confidence: string
  }[]
  speakers: { name: string; personId: string | null }[]
  photoSlots: {
    caption: string | null
    credit: string | null
    photographer: string | null
    agency: string | null
    filename: string | null
  }[]
  entities: string[]
  body: string[]
}

export function expectedFor(name: string): ExpectedRelease {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expected.json`), 'utf8'))
}

/** The part of an understanding that the expected files pin down. */
export function shapeOf(u: ReleaseUnderstanding): ExpectedRelease {
  return {
    format: u.format,
    headline: u.headline,
    subheadline: u.subheadline,
    dateline: u.dateline,
    quotes: u.quotes.map((q) => ({
      text: q.text,
      speaker: q.speaker?.name ?? null,
      role: q.speaker?.role ?? null,
      organisation: q.speaker?.organisation ?? null,
      confidence: q.confidence,
    })),
    speakers: u.speakers.map((s) => ({ name: s.name, personId: s.personId })),
    photoSlots: u.photoSlots.map((s) => ({
      caption: s.caption,
      credit: s.credit,
      photographer: s.photographer,
      agency: s.agency,
      filename: s.filename,
    })),
    entities: u.entities.map((e) => `${e.collection}:${e.id}`).sort(),
    body: u.body.map((b) => b.type),
  }
}
