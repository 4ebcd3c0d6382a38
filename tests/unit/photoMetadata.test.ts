import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { agencyFromCredit, mapMetadata, readPhotoMetadata } from '../../src/ingest/photoMetadata'
import { renderDemoPhoto } from '../../src/seed/photoFile'

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
