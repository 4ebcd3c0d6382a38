import fs from 'node:fs'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'
import {
  extendedXmp,
  MALFORMED_XMP,
  nearLimitXmp,
  pngBomb,
  withXmp,
} from '../fixtures/photos/hostile'
import { agencyIim, withIim } from '../fixtures/photos/iim'

let s: TestServer
let token: string

beforeAll(async () => {
  s = await startTestServer()
  await s.payload.create({
    collection: 'users',
    data: { email: 'photo-desk@example.com', password: 'correct horse battery', roles: ['editor'] },
  })
  const login = await fetch(`${s.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'photo-desk@example.com', password: 'correct horse battery' }),
  })
  token = (await login.json()).token
})
afterAll(async () => {
  await s?.stop()
})

const plainJpeg = (width = 320, height = 200) =>
  sharp({ create: { width, height, channels: 3, background: '#445566' } })
    .jpeg()
    .toBuffer()

const mediaFiles = () => (fs.existsSync(s.mediaDir) ? fs.readdirSync(s.mediaDir).sort() : [])
const photoCount = async () => (await s.payload.count({ collection: 'photos' })).totalDocs

async function upload(bytes: Buffer, name: string, type: string, data?: Record<string, unknown>) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  if (data) form.append('_payload', JSON.stringify(data))
  const response = await fetch(`${s.url}/api/photos`, {
    method: 'POST',
    body: form,
    headers: { authorization: `JWT ${token}` },
  })
  return { status: response.status, body: await response.json() }
}

/** Runs an upload that must be refused: a 4xx, no photo row, no file left behind, server alive. */
async function expectRefused(
  bytes: Buffer,
  name: string,
  type: string,
  data: Record<string, unknown> | undefined,
) {
  const files = mediaFiles()
  const photos = await photoCount()
  const result = await upload(bytes, name, type, data)
  expect(result.status).toBeGreaterThanOrEqual(400)
  expect(result.status).toBeLessThan(500)
  expect(await photoCount()).toBe(photos)
  expect(mediaFiles()).toEqual(files)
  expect((await fetch(`${s.url}/healthz`)).status).toBe(200)
  return result
}

describe('hostile photo uploads over REST', () => {
  it('refuses a decompression bomb (a 2 KB PNG declaring 30000×30000) with 413, before decoding', async () => {
    const bomb = pngBomb(30_000, 30_000)
    expect(bomb.length).toBeLessThan(4000)
    const started = Date.now()
    const { status, body } = await expectRefused(bomb, 'bomb.png', 'image/png', {
      alt: 'Bomb',
      creditOverride: 'Nobody',
    })
    expect(status).toBe(413)
    expect(body.errors[0].message).toBe(
      'The image is 30000×30000 pixels (900 megapixels); the largest accepted is 100 megapixels (MAX_IMAGE_PIXELS)',
    )
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('refuses a bomb disguised as a JPEG by its name and type', async () => {
    const { status } = await expectRefused(pngBomb(20_000, 20_000), 'bomb.jpg', 'image/jpeg', {
      alt: 'Disguised bomb',
      creditOverride: 'Nobody',
    })
    expect(status).toBe(413)
  })

  it("the configured sharp itself refuses what is over the limit (Payload's resizing and metadata reads use it)", async () => {
    const configured = s.payload.config.sharp!
    await expect(configured(pngBomb(12_000, 12_000)).metadata()).rejects.toThrow(/pixel limit/)
    await expect(
      configured(pngBomb(12_000, 12_000), { limitInputPixels: 1e12 }).resize(10).toBuffer(),
    ).rejects.toThrow(/pixel limit/)
    // Below the limit it is plain sharp.
    expect((await configured(await plainJpeg(40, 30)).metadata()).width).toBe(40)
  })

  it('reads the credit from a JPEG whose XMP segment is padded to the 64 KB APP1 limit', async () => {
    const bytes = nearLimitXmp(await plainJpeg())
    expect(bytes.length).toBeGreaterThan(65_000)
    const { status, body } = await upload(bytes, 'padded.jpg', 'image/jpeg')
    expect(status).toBe(201)
    expect(body.doc).toMatchObject({
      creditLine: 'Padded Packet / Junk Agency',
      caption: 'A packet padded to the APP1 limit',
    })
  })

  it('ignores 5 MB of extended XMP: the upload succeeds on what the editor typed', async () => {
    const bytes = extendedXmp(await plainJpeg(), 5_000_000)
    expect(bytes.length).toBeGreaterThan(5_000_000)
    const started = Date.now()
    const { status, body } = await upload(bytes, 'extended.jpg', 'image/jpeg', {
      alt: 'Extended XMP',
      creditOverride: 'Desk / Paddock',
    })
    expect(status).toBe(201)
    expect(body.doc).toMatchObject({ alt: 'Extended XMP', creditLine: 'Desk / Paddock' })
    expect(body.doc.caption ?? null).toBeNull()
    expect(Date.now() - started).toBeLessThan(15_000)
  })

  it('ignores malformed XMP: stored with what the editor typed, or refused for want of a credit', async () => {
    const bytes = withXmp(await plainJpeg(), MALFORMED_XMP)
    const typed = await upload(bytes, 'malformed.jpg', 'image/jpeg', {
      alt: 'Malformed XMP',
      creditOverride: 'Desk / Paddock',
    })
    expect(typed.status).toBe(201)
    expect(typed.body.doc).toMatchObject({ alt: 'Malformed XMP', creditLine: 'Desk / Paddock' })
    const { status, body } = await expectRefused(bytes, 'malformed-bare.jpg', 'image/jpeg', {
      alt: 'Malformed, no credit',
    })
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toMatch(/needs a photographer or a credit line/)
  })

  it('drops XMP text in the wrong encoding instead of storing a mangled name', async () => {
    // "Jürgen" in Latin-1 inside an XMP packet, which must be UTF-8: FC is not valid UTF-8.
    const packet = Buffer.concat([
      Buffer.from(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>',
      ),
      Buffer.from('Jürgen Latin', 'latin1'),
      Buffer.from('</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>'),
    ])
    const { status } = await expectRefused(
      withXmp(await plainJpeg(), packet),
      'latin1-xmp.jpg',
      'image/jpeg',
      { alt: 'Wrong encoding' },
    )
    expect(status).toBe(400)
    expect(
      (await s.payload.count({ collection: 'photographers', where: { name: { like: 'Latin' } } }))
        .totalDocs,
    ).toBe(0)
  })

  it('reads an IIM-only agency photo in Latin-1 with its accents intact', async () => {
    const bytes = withIim(
      await plainJpeg(),
      agencyIim({
        byline: 'Jürgen Größ',
        credit: 'Jürgen Größ / Bild Agentur',
        caption: 'Döttinger Höhe',
        headline: 'Nordschleife',
        keywords: ['Nürburgring', 'NLS'],
      }),
      { encoding: 'latin1', declareUtf8: false },
    )
    const { status, body } = await upload(bytes, 'iim.jpg', 'image/jpeg')
    expect(status).toBe(201)
    expect(body.doc).toMatchObject({
      alt: 'Nordschleife',
      headline: 'Nordschleife',
      caption: 'Döttinger Höhe',
      keywords: ['Nürburgring', 'NLS'],
      creditLine: 'Jürgen Größ / Bild Agentur',
      photographer: { name: 'Jürgen Größ', agency: 'Bild Agentur' },
    })
  })

  it('still answers /healthz after all of it', async () => {
    const response = await fetch(`${s.url}/healthz`)
    expect(response.status).toBe(200)
  })
})
