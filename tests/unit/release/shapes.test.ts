import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { readRelease, understandRelease } from '../../../src/ingest/release'
import { catalogue, REFERENCE_DATE } from './fixtureShape'

/**
 * Shapes of release the parser had not seen (issue "Trustworthy for downstream consumers", point
 * 8), one fixture each in tests/fixtures/releases-shapes. The parser was changed for these; the
 * held-out set (tests/fixtures/releases-held-out) was not used to change it.
 */
const DIR = path.resolve(import.meta.dirname, '../../fixtures/releases-shapes')
const understand = async (name: string) =>
  understandRelease(
    await readRelease({ data: readFileSync(path.join(DIR, name)), filename: name }),
    catalogue,
    { referenceDate: REFERENCE_DATE },
  )

describe('release shapes the parser understands', () => {
  it('a first line that is a bare date ("date 2023-10-01") is the date, and the next line the headline', async () => {
    expect(await understand('s01-bare-date.txt')).toMatchObject({
      headline: 'The Cadillac V-Series.R takes the GTP title at Petit Le Mans',
      dateline: { place: null, date: '2023-10-01' },
      quotes: [{ speaker: { name: 'Pipo Derani' } }],
      warnings: [],
    })
  })

  it('an Italian "data 2024-06-16" first line, and «…», ha dichiarato NAME al termine della gara', async () => {
    const u = await understand('s02-data-it.txt')
    expect(u).toMatchObject({
      headline: 'Ferrari vince ancora a Le Mans',
      dateline: { place: null, date: '2024-06-16' },
      quotes: [
        {
          text: 'È una vittoria che dedichiamo a tutta la squadra',
          speaker: { name: 'Giulia Rinaldi' },
        },
      ],
    })
    // "al termine della gara" is not in the draft's quote block: the editor is told.
    expect(u.warnings).toEqual([expect.stringContaining('al termine della gara')])
  })

  it('HEADLINE: and DATELINE: labels are not part of the title, the slug or the place', async () => {
    expect(await understand('s03-headline-label.txt')).toMatchObject({
      headline: 'Alpine confirms its Hypercar line-up for 2024',
      dateline: { place: 'Viry-Châtillon', date: '2024-01-12' },
      warnings: [],
    })
  })

  it('quotes next to photo lines stay quotes in the body, and the lead stays the lead', async () => {
    const u = await understand('s04-quotes-after-photo.txt')
    expect(u.quotes.map((q) => [q.text, q.speaker?.name])).toEqual([
      ['The whole crew earned this one.', 'Jonathan Diuguid'],
      ['We came back from a lap down.', 'Nick Tandy'],
    ])
    expect(u.body).toMatchObject([
      { type: 'paragraph', text: 'Both Porsche 963s finished on the podium at Petit Le Mans.' },
      { type: 'photo' },
      { type: 'quote' },
      { type: 'quote' },
      { type: 'photo' },
      { type: 'paragraph', text: 'Porsche now turns to the 2024 season.' },
    ])
    expect(u.photoSlots.map((slot) => slot.caption)).toEqual([null, null])
  })

  it('words the draft leaves out beside a quote are listed as warnings, never silently dropped', async () => {
    const u = await understand('s05-unplaced.txt')
    expect(u.quotes).toHaveLength(3)
    expect(u.warnings).toEqual([
      expect.stringMatching(
        /^Not placed in the draft, beside a quote .*: "– Colin Braun \(Meyer Shank Racing\), who drove/,
      ),
    ])
  })
})
