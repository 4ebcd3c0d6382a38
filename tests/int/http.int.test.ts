import type { AddressInfo } from 'node:net'

import exifr from 'exifr'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readyz } from '../../src/http/health'
import { partial } from '../helpers/partial'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

let s: TestServer
let staffToken: string

beforeAll(async () => {
  s = await startTestServer({ seed: true })
  await s.payload.create({
    collection: 'users',
    data: { email: 'editor@example.com', password: 'correct horse battery', roles: ['editor'] },
  })
  const login = await fetch(`${s.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'editor@example.com', password: 'correct horse battery' }),
  })
  staffToken = (await login.json()).token
})
afterAll(async () => {
  await s?.stop()
})

const graphql = async (query: string, token?: string) => {
  const response = await fetch(`${s.url}/api/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `JWT ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  })
  return { status: response.status, body: await response.json() }
}

describe('health', () => {
  it('/healthz answers while the process is up', async () => {
    const response = await fetch(`${s.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  it('/readyz answers 503 "warming" while the instance warms up after listening', async () => {
    const app = express()
    app.get(
      '/readyz',
      readyz(s.payload, () => true),
    )
    const server = app.listen(0)
    await new Promise((resolve) => server.once('listening', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const response = await fetch(`http://127.0.0.1:${port}/readyz`)
      expect(response.status).toBe(503)
      expect(await response.json()).toMatchObject({ status: 'warming' })
    } finally {
      server.close()
    }
  })

  it('/readyz answers once the database does', async () => {
    const response = await fetch(`${s.url}/readyz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      status: 'ready',
      database: s.database.kind === 'mongodb' ? 'mongoose' : s.database.kind,
    })
  })
})

describe('REST', () => {
  it('gives anonymous readers the published demo story with credits, speakers and facts at depth 3', async () => {
    const response = await fetch(`${s.url}/api/articles?depth=3`)
    expect(response.status).toBe(200)
    const { docs } = await response.json()
    expect(docs).toHaveLength(1)
    const story = docs[0]
    const blocks = story.body.root.children
      .filter((node: { type: string }) => node.type === 'block')
      .map((node: { fields: any }) => node.fields)
    expect(
      blocks.filter((b: any) => b.blockType === 'photo').map((b: any) => b.photo.creditLine),
    ).toEqual(['Art Fleischmann', 'Michael L. Levitt / Motorsport Images'])
    expect(
      new Set(
        blocks.filter((b: any) => b.blockType === 'quote').map((b: any) => b.quote.speaker.name),
      ),
    ).toEqual(
      new Set([
        'Laura Wontrop Klauser',
        'Pipo Derani',
        'Alexander Sims',
        'Jack Aitken',
        'John Roth',
      ]),
    )
    const result = blocks.find(
      (b: any) => b.blockType === 'fact' && b.fact.relationTo === 'results',
    ).fact.value
    expect(result).toMatchObject({
      positionOverall: 4,
      event: { name: 'Petit Le Mans', circuit: { name: 'Road Atlanta' } },
      entry: { carNumber: '31', team: { name: 'Action Express Racing' } },
    })
  })

  it('serves the Italian headline with ?locale=it', async () => {
    const { docs } = await (await fetch(`${s.url}/api/articles?locale=it&depth=0`)).json()
    expect(docs[0].title).toMatch(/^Quarti alla Petit Le Mans/)
  })

  it('never shows anonymous readers a draft, in lists or by ID', async () => {
    const draft = await s.payload.create({
      collection: 'articles',
      data: partial({ title: 'Embargoed scoop draft', _status: 'draft' }),
    })
    const list = await (
      await fetch(`${s.url}/api/articles?where[title][equals]=Embargoed%20scoop%20draft`)
    ).json()
    expect(list.totalDocs).toBe(0)
    const byId = await fetch(`${s.url}/api/articles/${draft.id}`)
    expect(byId.status).toBeGreaterThanOrEqual(400)
    expect(byId.status).toBeLessThan(500)
    const asStaff = await fetch(`${s.url}/api/articles/${draft.id}?draft=true`, {
      headers: { authorization: `JWT ${staffToken}` },
    })
    expect((await asStaff.json()).title).toBe('Embargoed scoop draft')
  })

  it('serves the photo files as JPEG bytes that still carry the credit', async () => {
    const { docs } = await (await fetch(`${s.url}/api/photos?sort=filename`)).json()
    const photo = docs.find((d: any) => d.creditLine === 'Michael L. Levitt / Motorsport Images')
    // URLs are absolute under SERVER_URL; this server listens on its own port.
    const local = (url: string) => new URL(new URL(url).pathname, s.url)
    const image = await fetch(local(photo.url))
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/jpeg')
    const bytes = Buffer.from(await image.arrayBuffer())
    expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8')
    expect(await exifr.parse(bytes, { xmp: true })).toMatchObject({
      Credit: 'Michael L. Levitt / Motorsport Images',
      creator: 'Michael L. Levitt',
    })
    const thumbnail = await fetch(local(photo.sizes.thumbnail.url))
    expect(thumbnail.status).toBe(200)
  })

  it('answers HEAD on a photo file as GET would, without the bytes (feed readers check enclosures so)', async () => {
    const { docs } = await (await fetch(`${s.url}/api/photos?sort=filename&limit=1`)).json()
    const path = new URL(docs[0].url).pathname
    const get = await fetch(new URL(path, s.url))
    const head = await fetch(new URL(path, s.url), { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'))
    expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'))
    expect((await head.arrayBuffer()).byteLength).toBe(0)
    const missing = `${s.url}/api/photos/file/no-such-photo.jpg`
    expect((await fetch(missing, { method: 'HEAD' })).status).toBe((await fetch(missing)).status)
  })

  it('refuses a non-image upload with a 4xx and stores nothing', async () => {
    const photographer = await s.payload.create({
      collection: 'photographers',
      data: { name: 'Upload Tester' },
    })
    const form = new FormData()
    form.append('file', new Blob(['just some text'], { type: 'text/plain' }), 'notes.txt')
    form.append('_payload', JSON.stringify({ alt: 'Not an image', photographer: photographer.id }))
    const response = await fetch(`${s.url}/api/photos`, {
      method: 'POST',
      body: form,
      headers: { authorization: `JWT ${staffToken}` },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toMatch(/not allowed/i)
    expect(
      (await s.payload.count({ collection: 'photos', where: { alt: { equals: 'Not an image' } } }))
        .totalDocs,
    ).toBe(0)
    await s.payload.delete({ collection: 'photographers', id: photographer.id })
  })

  it("fills an uploaded agency photo's credit and caption from the file itself", async () => {
    const { renderDemoPhoto } = await import('../../src/seed/photoFile')
    const bytes = await renderDemoPhoto(
      {
        creator: 'Rest Uploader',
        creditLine: 'Rest Uploader / Wire Photos',
        caption: 'Green flag at Sebring',
      },
      90,
      300,
      200,
    )
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'wire.jpg')
    const response = await fetch(`${s.url}/api/photos`, {
      method: 'POST',
      body: form,
      headers: { authorization: `JWT ${staffToken}` },
    })
    expect(response.status).toBe(201)
    const { doc } = await response.json()
    expect(doc).toMatchObject({
      alt: 'Green flag at Sebring',
      caption: 'Green flag at Sebring',
      creditLine: 'Rest Uploader / Wire Photos',
    })
    await s.payload.delete({ collection: 'photos', id: doc.id })
    await s.payload.delete({
      collection: 'photographers',
      where: { name: { equals: 'Rest Uploader' } },
    })
  })

  it('refuses anonymous writes', async () => {
    const response = await fetch(`${s.url}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Anonymous post' }),
    })
    expect(response.status).toBe(403)
  })

  it('answers malformed JSON with a 4xx, not a crash', async () => {
    const response = await fetch(`${s.url}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${staffToken}` },
      body: '{"title": ',
    })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(await response.text()).not.toMatch(/\bat .*\.(js|ts):\d+/)
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200)
  })

  it('answers an unknown path with a JSON 404', async () => {
    const response = await fetch(`${s.url}/nowhere`)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ errors: [{ message: 'Not found' }] })
  })
})

describe('GraphQL', () => {
  it('exposes articles, photos, quotes and every championship collection', async () => {
    const { status, body } = await graphql(`
      {
        Articles {
          docs {
            slug
          }
        }
        Photos {
          docs {
            creditLine
          }
        }
        Quotes {
          docs {
            role
            speaker {
              name
            }
          }
        }
        Photographers {
          totalDocs
        }
        People {
          totalDocs
        }
        AllSeries {
          totalDocs
        }
        Seasons {
          totalDocs
        }
        Classes {
          totalDocs
        }
        Events {
          totalDocs
        }
        Circuits {
          totalDocs
        }
        Teams {
          totalDocs
        }
        Manufacturers {
          totalDocs
        }
        Entries {
          totalDocs
        }
        Results {
          totalDocs
        }
        Titles {
          totalDocs
        }
      }
    `)
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    expect(body.data).toMatchObject({
      Articles: { docs: [{ slug: 'cadillac-clinches-first-gtp-title-at-petit-le-mans' }] },
      Photographers: { totalDocs: 2 },
      People: { totalDocs: 5 },
      AllSeries: { totalDocs: 1 },
      Seasons: { totalDocs: 1 },
      Classes: { totalDocs: 1 },
      Events: { totalDocs: 1 },
      Circuits: { totalDocs: 1 },
      Teams: { totalDocs: 1 },
      Manufacturers: { totalDocs: 2 },
      Entries: { totalDocs: 1 },
      Results: { totalDocs: 1 },
      Titles: { totalDocs: 3 },
    })
    expect(body.data.Photos.docs.map((p: any) => p.creditLine).sort()).toEqual([
      'Art Fleischmann',
      'Michael L. Levitt / Motorsport Images',
    ])
    expect(body.data.Quotes.docs.find((q: any) => q.speaker.name === 'John Roth').role).toBe(
      'Vice president, Global Cadillac',
    )
  })

  it('populates the photos and quotes inside the body with depth', async () => {
    const { body } = await graphql(`
      {
        Articles(where: { _status: { equals: published } }) {
          docs {
            body(depth: 2)
          }
        }
      }
    `)
    expect(body.errors).toBeUndefined()
    const blocks = body.data.Articles.docs[0].body.root.children
      .filter((n: any) => n.type === 'block')
      .map((n: any) => n.fields)
    expect(blocks.find((b: any) => b.blockType === 'photo').photo.creditLine).toBe(
      'Art Fleischmann',
    )
    expect(blocks.find((b: any) => b.blockType === 'quote').quote.speaker.name).toBe('John Roth')
  })

  it('hides drafts from anonymous readers', async () => {
    await s.payload.create({
      collection: 'articles',
      data: partial({ title: 'GraphQL draft', _status: 'draft' }),
    })
    const anonymous = await graphql(`
      {
        Articles(where: { title: { equals: "GraphQL draft" } }) {
          totalDocs
        }
      }
    `)
    expect(anonymous.body.data.Articles.totalDocs).toBe(0)
    const staff = await graphql(
      `
        {
          Articles(draft: true, where: { title: { equals: "GraphQL draft" } }) {
            totalDocs
          }
        }
      `,
      staffToken,
    )
    expect(staff.body.data.Articles.totalDocs).toBe(1)
  })
})
