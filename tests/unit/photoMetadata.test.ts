import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { readIimDatasets } from '../../src/ingest/iim'
import { agencyFromCredit, mapMetadata, readPhotoMetadata } from '../../src/ingest/photoMetadata'
import { renderDemoPhoto } from '../../src/seed/photoFile'
import { agencyIim, withIim } from '../fixtures/photos/iim'

describe('reading photo metadata', () => {
  it('reads the IPTC-in-XMP an agency embeds', async () => {
    const bytes = await renderDemoPhoto(
      {
        creator: 'Michael L. Levitt',
        creditLine: 'Michael L. Levitt / Motorsport Images',
        caption: '#31 Whelen Engineering Racing Cadillac V-LMDh',
        peopleShown: ['Pipo Derani'],
        copyrightNotice: '© 2023 Motorsport Images',
        keywords: ['IMSA', 'GTP'],
      },
      10,
      320,
      200,
    )
    expect(await readPhotoMetadata(bytes)).toEqual({
      creator: 'Michael L. Levitt',
      creditLine: 'Michael L. Levitt / Motorsport Images',
      caption: '#31 Whelen Engineering Racing Cadillac V-LMDh',
      copyrightNotice: '© 2023 Motorsport Images',
      keywords: ['IMSA', 'GTP'],
      peopleShown: ['Pipo Derani'],
    })
  })

  it('falls back to EXIF when a camera wrote only that', async () => {
    const bytes = await sharp({
      create: { width: 16, height: 16, channels: 3, background: '#000' },
    })
      .withExif({
        IFD0: {
          Artist: 'Jane Doe',
          ImageDescription: 'Pit stop, lap 212',
          Copyright: '(c) Jane Doe',
        },
      })
      .jpeg()
      .toBuffer()
    expect(await readPhotoMetadata(bytes)).toEqual({
      creator: 'Jane Doe',
      caption: 'Pit stop, lap 212',
      copyrightNotice: '(c) Jane Doe',
    })
  })

  it('prefers XMP over IPTC-IIM over EXIF, field by field', () => {
    expect(
      mapMetadata({
        dc: { creator: ['XMP Creator'] },
        iptc: {
          Byline: 'IIM Creator',
          Credit: 'IIM Credit',
          Caption: 'IIM caption',
          Keywords: 'single',
        },
        ifd0: { Artist: 'EXIF Artist', ImageDescription: 'EXIF caption', Copyright: 'EXIF (c)' },
        xmpRights: { WebStatement: 'https://example.com/licence' },
      }),
    ).toEqual({
      creator: 'XMP Creator',
      creditLine: 'IIM Credit',
      caption: 'IIM caption',
      copyrightNotice: 'EXIF (c)',
      keywords: ['single'],
      licenseUrl: 'https://example.com/licence',
    })
  })

  it('gives nothing, without failing, for a file with no or broken metadata', async () => {
    expect(await readPhotoMetadata(Buffer.from('not an image at all'))).toEqual({})
    expect(
      mapMetadata({ dc: { creator: '\u0000  ', description: { lang: 'x-default', value: '' } } }),
    ).toEqual({})
  })

  it('cuts absurdly long values', () => {
    expect(mapMetadata({ dc: { description: 'x'.repeat(100_000) } }).caption).toHaveLength(2000)
  })
})

describe('agencyFromCredit', () => {
  it('reads the agency after the photographer in "NAME / AGENCY"', () => {
    expect(agencyFromCredit('Michael L. Levitt / Motorsport Images', 'Michael L. Levitt')).toBe(
      'Motorsport Images',
    )
    expect(agencyFromCredit('Art Fleischmann', 'Art Fleischmann')).toBeUndefined()
    expect(agencyFromCredit('Pool / IMSA', 'Someone Else')).toBeUndefined()
  })
})

describe('reading IPTC-IIM (no XMP)', () => {
  const plainJpeg = () =>
    sharp({ create: { width: 16, height: 16, channels: 3, background: '#123456' } })
      .jpeg()
      .toBuffer()

  const agency = {
    byline: 'Jürgen Größ',
    credit: 'Jürgen Größ / Motorsport Images',
    copyright: '© 2024 Motorsport Images',
    caption: 'Nürburgring, Döttinger Höhe: the #7 Toyota leads',
    headline: 'Toyota ahead at the Ring',
    keywords: ['WEC', 'Nürburgring', 'Hypercar'],
  }
  const expected = {
    creator: agency.byline,
    creditLine: agency.credit,
    copyrightNotice: agency.copyright,
    caption: agency.caption,
    headline: agency.headline,
    keywords: agency.keywords,
  }

  it('reads by-line, credit, copyright, caption, headline and keywords declared as UTF-8 (1:90)', async () => {
    const bytes = withIim(await plainJpeg(), agencyIim(agency), {
      encoding: 'utf8',
      declareUtf8: true,
    })
    expect(readIimDatasets(bytes).map((d) => `${d.record}:${d.dataset}`)).toEqual([
      '1:90',
      '2:25',
      '2:25',
      '2:25',
      '2:80',
      '2:105',
      '2:110',
      '2:116',
      '2:120',
    ])
    expect(await readPhotoMetadata(bytes)).toEqual(expected)
  })

  it('reads Latin-1 values written without a character set', async () => {
    const bytes = withIim(await plainJpeg(), agencyIim(agency), {
      encoding: 'latin1',
      declareUtf8: false,
    })
    // The bytes really are single-byte: "ü" is FC, not C3 BC.
    expect(bytes.includes(Buffer.from([0xfc]))).toBe(true)
    expect(bytes.includes(Buffer.from('ü', 'utf8'))).toBe(false)
    expect(await readPhotoMetadata(bytes)).toEqual(expected)
  })

  it('reads undeclared UTF-8 as UTF-8, not as "JÃ¼rgen"', async () => {
    const bytes = withIim(await plainJpeg(), agencyIim(agency), {
      encoding: 'utf8',
      declareUtf8: false,
    })
    expect(await readPhotoMetadata(bytes)).toEqual(expected)
  })

  it('reads the creation date from 2:55 and 2:60', async () => {
    const bytes = withIim(
      await plainJpeg(),
      [
        { record: 2, dataset: 80, value: 'Jane Doe' },
        { record: 2, dataset: 55, value: '20240414' },
        { record: 2, dataset: 60, value: '153000+0200' },
      ],
      { encoding: 'utf8', declareUtf8: true },
    )
    expect(await readPhotoMetadata(bytes)).toEqual({
      creator: 'Jane Doe',
      takenAt: '2024-04-14T13:30:00.000Z',
    })
  })

  it('prefers XMP over the IIM of the same file', async () => {
    const xmpPhoto = await renderDemoPhoto(
      { creator: 'XMP Creator', creditLine: 'XMP Credit', caption: 'XMP caption' },
      10,
      32,
      24,
    )
    const bytes = withIim(xmpPhoto, agencyIim({ ...agency, headline: 'IIM headline' }), {
      encoding: 'utf8',
      declareUtf8: true,
    })
    expect(await readPhotoMetadata(bytes)).toMatchObject({
      creator: 'XMP Creator',
      creditLine: 'XMP Credit',
      caption: 'XMP caption',
      headline: 'IIM headline',
    })
  })

  it('stops at a truncated or lying IIM block without failing', async () => {
    const good = withIim(await plainJpeg(), agencyIim(agency), {
      encoding: 'utf8',
      declareUtf8: true,
    })
    const iimAt = good.indexOf(Buffer.from('8BIM', 'latin1'))
    const lying = Buffer.from(good)
    // The first dataset claims 60000 bytes: nothing after it can be trusted.
    lying.writeUInt16BE(60000, lying.indexOf(0x1c, iimAt) + 3)
    expect(readIimDatasets(lying)).toEqual([])
    const extended = Buffer.from(good)
    // An extended length of 0x7fff length bytes.
    extended.writeUInt16BE(0xffff, extended.indexOf(0x1c, iimAt) + 3)
    expect(await readPhotoMetadata(extended)).toEqual({})
    expect(readIimDatasets(good.subarray(0, iimAt + 20))).toEqual([])
  })
})
