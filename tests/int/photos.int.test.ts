import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { partial } from '../helpers/partial'
import { createTestPayload } from '../helpers/payload'
import type { TestPayload } from '../helpers/payload'

let t: TestPayload
beforeAll(async () => {
  t = await createTestPayload()
})
afterAll(async () => {
  await t?.close()
})

async function jpeg(name: string) {
  const data = await sharp({
    create: { width: 1800, height: 1200, channels: 3, background: '#336699' },
  })
    .jpeg()
    .toBuffer()
  return { data, mimetype: 'image/jpeg', name, size: data.length }
}

describe('photos', () => {
  it('derive their credit line from the photographer and agency', async () => {
    const photographer = await t.payload.create({
      collection: 'photographers',
      data: { name: 'Michael L. Levitt', agency: 'Motorsport Images' },
    })
    const photo = await t.payload.create({
      collection: 'photos',
      data: { alt: 'A car', photographer: photographer.id },
      file: await jpeg('levitt.jpg'),
    })
    expect(photo.creditLine).toBe('Michael L. Levitt / Motorsport Images')
  })

  it('keep an editor override over the derived credit', async () => {
    const photographer = await t.payload.create({
      collection: 'photographers',
      data: { name: 'Jane Roe' },
    })
    const photo = await t.payload.create({
      collection: 'photos',
      data: { alt: 'Pit lane', photographer: photographer.id, creditOverride: 'Pool photo / IMSA' },
      file: await jpeg('pool.jpg'),
    })
    expect(photo.creditLine).toBe('Pool photo / IMSA')
  })

  it("follow a photographer's change of agency", async () => {
    const photographer = await t.payload.create({
      collection: 'photographers',
      data: { name: 'Art Fleischmann' },
    })
    const photo = await t.payload.create({
      collection: 'photos',
      data: { alt: 'Podium', photographer: photographer.id },
      file: await jpeg('podium.jpg'),
    })
    expect(photo.creditLine).toBe('Art Fleischmann')
    await t.payload.update({
      collection: 'photographers',
      id: photographer.id,
      data: { agency: 'IMSA Photo' },
    })
    const reread = await t.payload.findByID({ collection: 'photos', id: photo.id })
    expect(reread.creditLine).toBe('Art Fleischmann / IMSA Photo')
  })

  it('are refused without any credit, and nothing is stored', async () => {
    const before = fs.readdirSync(t.mediaDir).length
    await expect(
      t.payload.create({
        collection: 'photos',
        data: { alt: 'Uncredited' },
        file: await jpeg('uncredited.jpg'),
      }),
    ).rejects.toThrow(/photographer/)
    expect(
      (await t.payload.count({ collection: 'photos', where: { alt: { equals: 'Uncredited' } } }))
        .totalDocs,
    ).toBe(0)
    expect(fs.readdirSync(t.mediaDir).filter((f) => f.startsWith('uncredited'))).toEqual([])
    expect(fs.readdirSync(t.mediaDir).length).toBe(before)
  })

  it('get the thumbnail, card, large and social renditions', async () => {
    const photographer = await t.payload.create({
      collection: 'photographers',
      data: { name: 'Sizes Tester' },
    })
    const photo = await t.payload.create({
      collection: 'photos',
      data: { alt: 'Sizes', photographer: photographer.id },
      file: await jpeg('sizes.jpg'),
    })
    expect(photo.sizes).toMatchObject({
      thumbnail: { width: 400, height: 300, mimeType: 'image/jpeg' },
      card: { width: 768, height: 432 },
      large: { width: 1600 },
      social: { width: 1200, height: 630 },
    })
    for (const size of Object.values(photo.sizes!)) {
      expect(fs.existsSync(path.join(t.mediaDir, size!.filename!))).toBe(true)
    }
  })

  it('refuse a file that is not an image, and store nothing', async () => {
    const photographer = await t.payload.create({
      collection: 'photographers',
      data: { name: 'Text Sender' },
    })
    const data = Buffer.from('this is not an image at all, just text\n'.repeat(20))
    await expect(
      t.payload.create({
        collection: 'photos',
        data: { alt: 'Text', photographer: photographer.id },
        file: { data, mimetype: 'text/plain', name: 'notes.txt', size: data.length },
      }),
    ).rejects.toThrow()
    expect(
      (await t.payload.count({ collection: 'photos', where: { alt: { equals: 'Text' } } }))
        .totalDocs,
    ).toBe(0)
    expect(fs.readdirSync(t.mediaDir).filter((f) => f.startsWith('notes'))).toEqual([])
  })

  it('refuse text disguised as a JPEG by its name and type', async () => {
    const photographer = await t.payload.create({
      collection: 'photographers',
      data: { name: 'Disguise Sender' },
    })
    const data = Buffer.from('<html><script>alert(1)</script></html>\n'.repeat(20))
    await expect(
      t.payload.create({
        collection: 'photos',
        data: { alt: 'Disguised', photographer: photographer.id },
        file: { data, mimetype: 'image/jpeg', name: 'disguised.jpg', size: data.length },
      }),
    ).rejects.toThrow()
    expect(
      (await t.payload.count({ collection: 'photos', where: { alt: { equals: 'Disguised' } } }))
        .totalDocs,
    ).toBe(0)
    expect(fs.readdirSync(t.mediaDir).filter((f) => f.startsWith('disguised'))).toEqual([])
  })
})

describe('photo metadata on upload', () => {
  const agencyPhoto = async (
    name: string,
    creator: string,
    credit: string,
    caption: string,
    peopleShown: string[] = [],
  ) => {
    const { renderDemoPhoto } = await import('../../src/seed/photoFile')
    const data = await renderDemoPhoto(
      { creator, creditLine: credit, caption, peopleShown, copyrightNotice: `© ${creator}` },
      30,
      400,
      300,
    )
    return { data, mimetype: 'image/jpeg', name, size: data.length }
  }

  it('pre-fills caption, alt, copyright, credit, photographer and people from the file', async () => {
    const derani = await t.payload.create({
      collection: 'people',
      data: partial({ name: 'Pipo Derani', kind: 'driver' }),
    })
    const photo = await t.payload.create({
      collection: 'photos',
      data: partial({}),
      file: await agencyPhoto(
        'agency-1.jpg',
        'Michael L. Levitt',
        'Michael L. Levitt / Motorsport Images',
        '#31 Cadillac at Road Atlanta',
        ['Pipo Derani'],
      ),
    })
    expect(photo).toMatchObject({
      caption: '#31 Cadillac at Road Atlanta',
      alt: '#31 Cadillac at Road Atlanta',
      copyrightNotice: '© Michael L. Levitt',
      creditLine: 'Michael L. Levitt / Motorsport Images',
      photographer: { name: 'Michael L. Levitt', agency: 'Motorsport Images' },
      peopleShown: [{ id: derani.id }],
    })
  })

  it('matches the photographer whatever the case and accents, instead of duplicating them', async () => {
    const existing = await t.payload.create({
      collection: 'photographers',
      data: { name: 'Michaël Lévitt-Ñuñez' },
    })
    const photo = await t.payload.create({
      collection: 'photos',
      data: partial({}),
      file: await agencyPhoto(
        'agency-2.jpg',
        'MICHAEL LEVITT-NUNEZ',
        'MICHAEL LEVITT-NUNEZ',
        'Podium',
      ),
    })
    expect((photo.photographer as { id: unknown }).id).toBe(existing.id)
    expect(
      (
        await t.payload.count({
          collection: 'photographers',
          where: { nameKey: { equals: 'michael-levitt-nunez' } },
        })
      ).totalDocs,
    ).toBe(1)
  })

  it('pre-fills headline and keywords from the file, and keeps typed ones', async () => {
    const { renderDemoPhoto } = await import('../../src/seed/photoFile')
    const data = await renderDemoPhoto(
      {
        creator: 'Keyword Shooter',
        creditLine: 'Keyword Shooter',
        caption: 'Start of the race',
        headline: 'Green flag at Road Atlanta',
        keywords: ['IMSA', 'Petit Le Mans', 'GTP'],
      },
      40,
      200,
      150,
    )
    const file = (name: string) => ({ data, mimetype: 'image/jpeg', name, size: data.length })
    const fromFile = await t.payload.create({
      collection: 'photos',
      data: partial({}),
      file: file('keywords-1.jpg'),
    })
    expect(fromFile).toMatchObject({
      headline: 'Green flag at Road Atlanta',
      keywords: ['IMSA', 'Petit Le Mans', 'GTP'],
      alt: 'Green flag at Road Atlanta',
    })
    const typed = await t.payload.create({
      collection: 'photos',
      data: partial({ headline: 'Typed headline', keywords: ['typed'] }),
      file: file('keywords-2.jpg'),
    })
    expect(typed).toMatchObject({ headline: 'Typed headline', keywords: ['typed'] })
  })

  it('never overwrites what the editor typed', async () => {
    const editorsOwn = await t.payload.create({
      collection: 'photographers',
      data: { name: 'Staff Photographer' },
    })
    const photo = await t.payload.create({
      collection: 'photos',
      data: partial({ alt: 'Typed alt', caption: 'Typed caption', photographer: editorsOwn.id }),
      file: await agencyPhoto(
        'agency-3.jpg',
        'File Creator',
        'File Creator / File Agency',
        'File caption',
      ),
    })
    expect(photo).toMatchObject({
      alt: 'Typed alt',
      caption: 'Typed caption',
      creditLine: 'Staff Photographer',
      photographer: { id: editorsOwn.id },
    })
  })

  it('prefills the demo photos’ credits from their own files', async () => {
    const { demoPhotos } = await import('../../src/seed/demo')
    const { renderDemoPhoto } = await import('../../src/seed/photoFile')
    const demo = demoPhotos[1]
    const data = await renderDemoPhoto(
      { creator: 'Michael L. Levitt', creditLine: demo.creditLine, caption: demo.caption },
      demo.hue,
      400,
      300,
    )
    const photo = await t.payload.create({
      collection: 'photos',
      data: partial({}),
      file: { data, mimetype: 'image/jpeg', name: 'demo-2.jpg', size: data.length },
    })
    expect(photo).toMatchObject({
      creditLine: 'Michael L. Levitt / Motorsport Images',
      caption: demo.caption,
    })
  })
})
