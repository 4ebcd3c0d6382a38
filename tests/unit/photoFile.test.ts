import exifr from 'exifr'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { renderDemoPhoto, xmpPacket } from '../../src/seed/photoFile'

describe('demo photo files', () => {
  it('carry creator, credit line, caption and people shown as IPTC-in-XMP, readable by a standard reader', async () => {
    const bytes = await renderDemoPhoto(
      {
        creator: 'Michael L. Levitt',
        creditLine: 'Michael L. Levitt / Motorsport Images',
        caption:
          '#31 Whelen Engineering Racing Cadillac V-LMDh: Pipo Derani, Alexander Sims, Jack Aitken',
        peopleShown: ['Pipo Derani', 'Jack Aitken'],
      },
      10,
      640,
      427,
    )
    expect((await sharp(bytes).metadata()).format).toBe('jpeg')
    const meta = await exifr.parse(bytes, { xmp: true, iptc: true })
    expect(meta).toMatchObject({
      creator: 'Michael L. Levitt',
      Credit: 'Michael L. Levitt / Motorsport Images',
      description: {
        lang: 'x-default',
        value:
          '#31 Whelen Engineering Racing Cadillac V-LMDh: Pipo Derani, Alexander Sims, Jack Aitken',
      },
      PersonInImage: ['Pipo Derani', 'Jack Aitken'],
    })
  })

  it('escapes XML in metadata values', () => {
    const xmp = xmpPacket({ creator: 'A & B <Photo>', creditLine: '"C"', caption: 'x' })
    expect(xmp).toContain('A &amp; B &lt;Photo&gt;')
    expect(xmp).toContain('&quot;C&quot;')
  })
})
