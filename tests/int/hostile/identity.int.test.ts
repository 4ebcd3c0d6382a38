import fs from 'node:fs'
import path from 'node:path'
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoArticle } from '../../../src/seed/demo'
import type { Article, Photo } from '../../../src/payload-types'
import { createCast } from '../../helpers/actors'
import type { Cast } from '../../helpers/actors'
import { startTestServer } from '../../helpers/server'
import type { TestServer } from '../../helpers/server'

let s: TestServer
let cast: Cast

beforeAll(async () => {
  s = await startTestServer({ seed: true })
  cast = await createCast(s.payload, s.url)
}, 120_000)

afterAll(async () => {
  await s?.stop()
})

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

async function rest(
  method: string,
  route: string,
  body?: Record<string, unknown>,
): Promise<{
  status: number
  body: { doc?: Article; errors?: unknown[] } & Record<string, unknown>
}> {
  const response = await fetch(`${s.url}/api/${route}`, {
    method,
    headers: { ...cast.headers.editor, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  return { status: response.status, body: await response.json() }
}

const text = async (route: string) => (await fetch(`${s.url}/content/v1${route}`)).text()
const json = async (route: string) => JSON.parse(await text(route))

interface FeedItem {
  guid?: string
  id?: string
  title?: string
  enclosure?: { url: string; length: string; type: string }
  thumbnail?: { $: Record<string, string> }[]
}
const parser = new Parser<Record<string, unknown>, FeedItem>({
  customFields: { item: [['media:thumbnail', 'thumbnail', { keepArray: true }]] },
})

/** Every outward identity of the story titled so: RSS and Atom GUIDs, JSON Feed id, ninjs uri. */
async function identitiesOf(title: string, slug: string) {
  const rss = await parser.parseString(await text('/feeds/rss.xml'))
  const atom = await parser.parseString(await text('/feeds/atom.xml'))
  const jsonFeed = await json('/feeds/feed.json')
  const ninjs = await json(`/articles/${slug}/ninjs`)
  return {
    rss: rss.items.find((item) => item.title === title)?.guid,
    atom: atom.items.find((item) => item.title === title)?.id,
    jsonFeed: jsonFeed.items.find((item: { title: string }) => item.title === title)?.id,
    ninjs: ninjs.uri,
  }
}

describe('a story\'s identity never changes and is never reused (issue "Trustworthy for downstream consumers", point 1)', () => {
  it('deleting the newest story and creating another gives the new one a new row id and new GUIDs everywhere', async () => {
    const first = await rest('POST', 'articles', { title: 'Doomed story', _status: 'published' })
    expect(first.status).toBe(201)
    const doomed = first.body.doc!
    expect(doomed.publicId).toMatch(UUID)
    const before = await identitiesOf('Doomed story', doomed.slug!)
    expect(Object.values(before)).toEqual(
      Array(4).fill(expect.stringMatching(new RegExp(`:paddock/articles/${doomed.publicId}$`))),
    )

    expect((await rest('DELETE', `articles/${doomed.id}`)).status).toBe(200)
    const second = await rest('POST', 'articles', { title: 'Fresh story', _status: 'published' })
    expect(second.status).toBe(201)
    const fresh = second.body.doc!
    expect(fresh.id).not.toEqual(doomed.id)
    expect(fresh.publicId).toMatch(UUID)
    expect(fresh.publicId).not.toBe(doomed.publicId)

    const after = await identitiesOf('Fresh story', fresh.slug!)
    for (const channel of ['rss', 'atom', 'jsonFeed', 'ninjs'] as const) {
      expect(after[channel], channel).toBeDefined()
      expect(after[channel], channel).not.toBe(before[channel])
    }
    const delivered = await json(`/articles/${fresh.slug}`)
    expect(delivered).toMatchObject({ publicId: fresh.publicId })
    expect(delivered.jsonLd).toMatchObject({ identifier: fresh.publicId })
  })

  it('ignores a publicId a client sends over REST, on create and on update', async () => {
    const created = await rest('POST', 'articles', {
      title: 'Chosen identity',
      publicId: '00000000-0000-4000-8000-000000000001',
    })
    expect(created.status).toBe(201)
    const { id, publicId } = created.body.doc!
    expect(publicId).toMatch(UUID)
    expect(publicId).not.toBe('00000000-0000-4000-8000-000000000001')

    const updated = await rest('PATCH', `articles/${id}`, {
      title: 'Chosen identity, renamed',
      publicId: 'taken-over',
    })
    expect(updated.status).toBe(200)
    const stored = await s.payload.findByID({ collection: 'articles', id, overrideAccess: true })
    expect(stored).toMatchObject({ title: 'Chosen identity, renamed', publicId })
  })

  it('ignores a publicId sent over GraphQL, and even through the Local API', async () => {
    const article = await s.payload.create({
      collection: 'articles',
      data: { title: 'GraphQL target', publicId: 'local-choice' } as never,
      overrideAccess: true,
    })
    expect(article.publicId).toMatch(UUID)
    const response = await fetch(`${s.url}/api/graphql`, {
      method: 'POST',
      headers: { ...cast.headers.editor, 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { updateArticle(id: ${JSON.stringify(article.id)}, data: { publicId: "graphql-choice", title: "GraphQL renamed" }) { publicId title } }`,
      }),
    })
    const body = await response.json()
    const stored = await s.payload.findByID({
      collection: 'articles',
      id: article.id,
      overrideAccess: true,
    })
    expect(stored.publicId, JSON.stringify(body)).toBe(article.publicId)
  })

  it('GUIDs are minted under the identity stored at the first start, not the STORY_URL host', async () => {
    const identity = await s.payload.findGlobal({ slug: 'feed-identity', overrideAccess: true })
    expect(identity).toMatchObject({
      tagAuthority: 'localhost',
      tagDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    })
    const rss = await parser.parseString(await text('/feeds/rss.xml'))
    for (const item of rss.items)
      expect(item.guid).toMatch(
        new RegExp(`^tag:localhost,${identity.tagDate}:paddock/articles/[0-9a-f-]{36}$`),
      )
    // Nobody may change it over the API, not even an admin.
    const response = await fetch(`${s.url}/api/globals/feed-identity`, {
      method: 'POST',
      headers: { ...cast.headers.admin, 'content-type': 'application/json' },
      body: JSON.stringify({ tagAuthority: 'evil.example', tagDate: '2020' }),
    })
    expect(response.status).toBe(403)
    expect(
      await s.payload.findGlobal({ slug: 'feed-identity', overrideAccess: true }),
    ).toMatchObject({ tagAuthority: 'localhost', tagDate: identity.tagDate })
  })
})

describe('feeds show pictures and true dates (issue "Trustworthy for downstream consumers", point 6)', () => {
  it("the demo story's RSS item has its hero photo as enclosure with the stored byte length, and a media:thumbnail", async () => {
    const [article] = (
      await s.payload.find({
        collection: 'articles',
        where: { slug: { equals: demoArticle.slug } },
        depth: 1,
        overrideAccess: true,
      })
    ).docs
    const hero = article!.heroPhoto as Photo
    const large = hero.sizes!.large!
    const rss = await parser.parseString(await text('/feeds/rss.xml'))
    const item = rss.items.find((candidate) => candidate.title === demoArticle.title)!
    expect(item.enclosure).toEqual({
      url: expect.stringMatching(new RegExp(`${large.filename!.replace('.', '\\.')}$`)),
      length: String(large.filesize),
      type: large.mimeType,
    })
    // The length is the real size of the file served at that URL.
    expect(fs.statSync(path.join(s.mediaDir, large.filename!)).size).toBe(large.filesize)
    expect(item.thumbnail).toEqual([
      {
        $: {
          url: expect.stringMatching(
            new RegExp(`${hero.sizes!.thumbnail!.filename!.replace('.', '\\.')}$`),
          ),
          width: String(hero.sizes!.thumbnail!.width),
          height: String(hero.sizes!.thumbnail!.height),
        },
      },
    ])
  })

  it("the demo story's Atom entry is updated at its own date, not when the demo was loaded", async () => {
    const xml = await text('/feeds/atom.xml')
    const entry = xml.split('<entry>').find((part) => part.includes(demoArticle.slug))!
    const published = new Date(demoArticle.publishedAt).toISOString().replace('.000Z', 'Z')
    expect(entry).toContain(`<published>${published}</published>`)
    expect(entry).toContain(`<updated>${published}</updated>`)
    const jsonFeed = await json('/feeds/feed.json')
    expect(
      jsonFeed.items.find((item: { title: string }) => item.title === demoArticle.title),
    ).toMatchObject({ date_published: published, date_modified: published })
  })

  it("with the default STORY_URL (the delivery API's JSON), no link claims to be text/html", async () => {
    const xml = await text('/feeds/atom.xml')
    expect(xml).not.toMatch(/<link rel="alternate"[^>]*type="text\/html"/)
  })
})

describe('JSON-LD can be inlined in a script element (issue "Hostile and careless input", item 10)', () => {
  it('a headline with </script> comes back escaped in the raw body and means the same once parsed', async () => {
    const title = 'Pole </script><script>alert(1)</script> & <!-- laps -->\u2028'
    const created = await rest('POST', 'articles', { title, _status: 'published' })
    expect(created.status).toBe(201)
    const raw = await text(`/articles/${created.body.doc!.slug}`)
    expect(raw).not.toMatch(/<\/script|<!--|[<>&\u2028\u2029]/)
    const body = JSON.parse(raw)
    expect(body.jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: title,
    })
    expect(body.title).toBe(title)
  })
})

describe('the webhook address guard (issue "Hostile and careless input", item 11)', () => {
  // Every way to write an IPv6 address that carries, reaches or stands for a non-public one.
  it.each([
    ['IPv4-compatible loopback', 'http://[::127.0.0.1]/'],
    ['IPv4-compatible, hex', 'http://[::7f00:1]/'],
    ['IPv4-compatible, private', 'http://[::10.0.0.1]/'],
    ['IPv4-compatible, even of a public address', 'http://[::93.184.215.14]/'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/'],
    ['IPv4-mapped metadata service', 'http://[::ffff:169.254.169.254]/'],
    ['IPv4-translated (SIIT)', 'http://[::ffff:0:127.0.0.1]/'],
    ['NAT64 well-known prefix', 'http://[64:ff9b::127.0.0.1]/'],
    ['NAT64 local-use prefix', 'http://[64:ff9b:1::a00:1]/'],
    ['6to4', 'http://[2002:7f00:1::1]/'],
    ['Teredo', 'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/'],
    ['site-local', 'http://[fec0::1]/'],
    ['unspecified', 'http://[::]/'],
    ['IPv4-compatible unspecified', 'http://[::0.0.0.0]/'],
    ['multicast, link scope', 'http://[ff02::1]/'],
    ['multicast, global scope', 'http://[ff0e::1]/'],
    ['link-local', 'http://[fe80::1]/'],
    ['discard prefix', 'http://[100::1]/'],
    ['documentation prefix', 'http://[2001:db8::1]/'],
  ])('refuses a webhook to %s (%s) with a 400 naming url, storing nothing', async (_, url) => {
    const response = await fetch(`${s.url}/api/webhooks`, {
      method: 'POST',
      headers: { ...cast.headers.admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Sneaky', url, events: ['article.published'] }),
    })
    const body = await response.json()
    expect(response.status, JSON.stringify(body)).toBe(400)
    expect(body.errors[0].data.errors).toMatchObject([
      { path: 'url', message: expect.stringMatching(/public internet addresses/) },
    ])
    const stored = await s.payload.find({
      collection: 'webhooks',
      where: { url: { equals: url } },
      overrideAccess: true,
    })
    expect(stored.totalDocs).toBe(0)
  })

  it('still accepts a global unicast IPv6 address', async () => {
    const response = await fetch(`${s.url}/api/webhooks`, {
      method: 'POST',
      headers: { ...cast.headers.admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Public v6',
        url: 'https://[2606:4700:4700::1111]/hook',
        events: ['article.published'],
      }),
    })
    expect(response.status).toBe(201)
    const { doc } = await response.json()
    await s.payload.delete({ collection: 'webhooks', id: doc.id, overrideAccess: true })
  })
})
