import http from 'node:http'
import { gunzipSync } from 'node:zlib'
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '../../src/payload-types'
import { createDeliveryClient } from '../../src/delivery/client'
import { block, document, paragraph } from '../../src/seed/lexical'
import { createCast } from '../helpers/actors'
import type { Actor, Cast } from '../helpers/actors'
import { expectContract } from '../helpers/contract'
import { expectValidNinjs } from '../helpers/ninjs'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

let s: TestServer
let cast: Cast
let demo: Article
const DEMO_SLUG = 'cadillac-clinches-first-gtp-title-at-petit-le-mans'

beforeAll(async () => {
  s = await startTestServer({ seed: true })
  cast = await createCast(s.payload, s.url)
  const { docs } = await s.payload.find({
    collection: 'articles',
    where: { slug: { equals: DEMO_SLUG } },
    depth: 0,
  })
  demo = docs[0] as Article
}, 120_000)

afterAll(async () => {
  await s?.stop()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function get(path: string, as: Actor = 'anonymous', headers: Record<string, string> = {}) {
  const response = await fetch(`${s.url}/content/v1${path}`, {
    headers: { ...cast.headers[as], ...headers },
  })
  const text = await response.text()
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON (304, XML)
  }
  return { status: response.status, headers: response.headers, body }
}

let counter = 0
async function story(data: Partial<Article> & { title?: string } = {}) {
  counter++
  const title = data.title ?? `Delivery test story ${counter}`
  return (await s.payload.create({
    collection: 'articles',
    data: {
      title,
      body: document([paragraph(`Body of ${title}.`)]) as Article['body'],
      _status: 'published',
      ...data,
    },
  })) as Article
}

describe('article by slug', () => {
  it('serves the published story with credited figures, attributed quotes, facts, blocks and JSON-LD', async () => {
    const { status, body, headers } = await get(`/articles/${DEMO_SLUG}`)
    expect(status).toBe(200)
    expect(headers.get('content-type')).toMatch(/^application\/json/)
    expectContract('Article', body)

    const photos = await s.payload.find({ collection: 'photos', depth: 0, limit: 10 })
    const bodyPhoto = body.blocks.find((b: any) => b.type === 'photo').photo
    const stored = photos.docs.find((p) => String(p.id) === bodyPhoto.id)!
    expect(bodyPhoto).toMatchObject({ creditLine: stored.creditLine, alt: stored.alt })
    expect(bodyPhoto.renditions.map((r: any) => r.name)).toEqual(
      expect.arrayContaining(['original', 'thumbnail', 'card', 'large', 'social']),
    )
    expect(body.html).toContain(`<span class="credit">${stored.creditLine}</span>`)
    expect(body.html).toMatch(/<figure class="photo"><img [^>]*alt="[^"]+"/)

    const quote = body.blocks.find((b: any) => b.type === 'quote').quote
    expect(quote.speaker.name).toBeTruthy()
    expect(body.html).toContain(`<cite><span class="speaker">${quote.speaker.name}</span>`)
    if (quote.role) expect(body.html).toContain(quote.role)

    const fact = body.blocks.find((b: any) => b.type === 'fact').fact
    expect(['result', 'title']).toContain(fact.kind)
    expect(body.html).toMatch(/<aside class="fact fact-(result|title)">/)
    expect(body.championship).toMatchObject({
      series: [{ slug: 'imsa-weathertech-sportscar-championship' }],
      event: { slug: 'petit-le-mans', circuit: { name: 'Road Atlanta' } },
      classes: [{ name: 'GTP' }],
    })
    expect(body.championship.entries[0]).toMatchObject({ carNumber: '31' })

    expect(body.jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: body.title,
    })
    const images = [body.jsonLd.image].flat()
    expect(images.length).toBe(body.photos.length)
    for (const image of images) {
      expect(image).toMatchObject({ '@type': 'ImageObject', creditText: expect.any(String) })
      expect(image.creator).toMatchObject({ name: expect.any(String) })
    }
  })

  it('never lets markup a story was given reach readers unsanitized', async () => {
    const hostile = await story({
      title: 'Sanitizer <script>alert(1)</script>',
      body: {
        root: {
          type: 'root',
          direction: 'ltr',
          format: '',
          indent: 0,
          version: 1,
          children: [
            {
              type: 'paragraph',
              direction: 'ltr',
              format: '',
              indent: 0,
              version: 1,
              textFormat: 0,
              children: [
                {
                  type: 'link',
                  version: 3,
                  direction: 'ltr',
                  format: '',
                  indent: 0,
                  fields: { url: 'javascript:alert(1)', newTab: true, linkType: 'custom' },
                  children: [
                    {
                      type: 'text',
                      text: 'click <b>me</b>',
                      format: 0,
                      detail: 0,
                      mode: 'normal',
                      style: '',
                      version: 1,
                    },
                  ],
                },
              ],
            },
          ],
        },
      } as unknown as Article['body'],
    })
    const { body } = await get(`/articles/${hostile.slug}`)
    expect(body.html).not.toMatch(/javascript:|<script|<b>/i)
    expect(body.html).toContain('click &lt;b&gt;me&lt;/b&gt;')
    expect(body.title).toBe('Sanitizer <script>alert(1)</script>')
  })

  it('serves ?locale=it in Italian, falling back to English field by field', async () => {
    const article = await story({ title: 'English headline', standfirst: 'English standfirst.' })
    await s.payload.update({
      collection: 'articles',
      id: article.id,
      locale: 'it',
      data: { title: 'Titolo italiano' },
    })
    const it = await get(`/articles/${article.slug}?locale=it`)
    expect(it.status).toBe(200)
    expect(it.body).toMatchObject({
      locale: 'it',
      title: 'Titolo italiano',
      standfirst: 'English standfirst.',
    })
    expect(it.body.html).toContain('Body of English headline.')
    const en = await get(`/articles/${article.slug}`)
    expect(en.body).toMatchObject({ locale: 'en', title: 'English headline' })
    // The demo story has an Italian standfirst of its own.
    const demoIt = await get(`/articles/${DEMO_SLUG}?locale=it`)
    const demoEn = await get(`/articles/${DEMO_SLUG}`)
    expect(demoIt.body.standfirst).not.toBe(demoEn.body.standfirst)
  })

  it('answers 304 to a matching If-None-Match and says how long caches may keep it', async () => {
    const first = await get(`/articles/${DEMO_SLUG}`)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^".+"$/)
    expect(first.headers.get('cache-control')).toMatch(
      /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/,
    )
    const again = await get(`/articles/${DEMO_SLUG}`, 'anonymous', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    // "*" matches any representation that exists (RFC 9110, 13.1.2); a 404 stays a 404.
    const any = await get(`/articles/${DEMO_SLUG}`, 'anonymous', { 'if-none-match': '*' })
    expect(any.status).toBe(304)
    const missing = await get('/articles/no-such-story', 'anonymous', { 'if-none-match': '*' })
    expect(missing.status).toBe(404)
    const other = await get(`/articles/${DEMO_SLUG}`, 'anonymous', {
      'if-none-match': '"another", W/"other"',
    })
    expect(other.status).toBe(200)
    const trusted = await get(`/articles/${DEMO_SLUG}`, 'trusted')
    expect(trusted.headers.get('cache-control')).toBe('private, no-cache')
  })

  it('gzips for clients that accept it, with an ETag of its own', async () => {
    const plain = await fetch(`${s.url}/content/v1/articles/${DEMO_SLUG}`, {
      headers: { 'accept-encoding': 'identity' },
    })
    const plainBody = Buffer.from(await plain.arrayBuffer())
    const zipped = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>(
      (resolve, reject) =>
        http
          .get(
            `${s.url}/content/v1/articles/${DEMO_SLUG}`,
            { headers: { 'accept-encoding': 'gzip' } },
            (response) => {
              const chunks: Buffer[] = []
              response.on('data', (chunk) => chunks.push(chunk))
              response.on('end', () =>
                resolve({ headers: response.headers, body: Buffer.concat(chunks) }),
              )
            },
          )
          .on('error', reject),
    )
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.body.length).toBeLessThan(plainBody.length / 2)
    expect(gunzipSync(zipped.body).equals(plainBody)).toBe(true)
    expect(zipped.headers.etag).not.toBe(plain.headers.get('etag'))
    expect(zipped.headers.vary).toBe('Authorization, Accept-Encoding')
    const revalidated = await get(`/articles/${DEMO_SLUG}`, 'anonymous', {
      'if-none-match': zipped.headers.etag!,
    })
    expect(revalidated.status).toBe(304)
  })

  it('answers HEAD as GET, with the same headers and length and no body', async () => {
    const url = `${s.url}/content/v1/articles/${DEMO_SLUG}`
    const identity = { 'accept-encoding': 'identity' }
    const get = await fetch(url, { headers: identity })
    const body = Buffer.from(await get.arrayBuffer())
    const head = await fetch(url, { method: 'HEAD', headers: identity })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String(body.length))
    for (const name of ['etag', 'content-type', 'surrogate-key', 'cache-control'])
      expect(head.headers.get(name)).toBe(get.headers.get(name))
    expect((await head.arrayBuffer()).byteLength).toBe(0)
  })

  it('may be read from any origin: CORS for GET, and a preflight for the API key header', async () => {
    const { headers } = await get(`/articles/${DEMO_SLUG}`, 'anonymous', {
      origin: 'https://www.team.example',
    })
    expect(headers.get('access-control-allow-origin')).toBe('*')
    expect(headers.get('access-control-expose-headers')).toBe('ETag, Server-Timing')
    expect(headers.get('timing-allow-origin')).toBe('*')
    // The server's own time for the response, miss or hit.
    expect(headers.get('server-timing')).toMatch(/^app;dur=\d+\.\d\d$/)
    const preflight = await fetch(`${s.url}/content/v1/articles`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://www.team.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/)
  })
})

describe('nothing unpublished or embargoed leaks', () => {
  it('a draft that was never published is unknown to every reader, by slug and in lists', async () => {
    const draft = await story({ _status: 'draft', tags: ['leak-draft'] })
    for (const as of ['anonymous', 'client', 'trusted'] as Actor[]) {
      expect((await get(`/articles/${draft.slug}`, as)).status).toBe(404)
      expect((await get('/articles?tag=leak-draft', as)).body.items).toEqual([])
    }
  })

  it('publishing a story publishes the draft quote it shows; a quote taken back to draft vanishes from it', async () => {
    const person = await s.payload.create({
      collection: 'people',
      data: { name: 'Secret Speaker', kind: 'executive' },
    })
    const quote = await s.payload.create({
      collection: 'quotes',
      data: { text: 'Not for the public yet', speaker: person.id, role: 'Boss', _status: 'draft' },
    })
    const body = document([
      paragraph('Public words.'),
      block('q1', 'quote', { quote: quote.id }),
    ]) as Article['body']
    const draft = await story({ _status: 'draft', body })
    expect((await s.payload.findByID({ collection: 'quotes', id: quote.id }))._status).toBe('draft')

    await s.payload.update({ collection: 'articles', id: draft.id, data: { _status: 'published' } })
    expect((await s.payload.findByID({ collection: 'quotes', id: quote.id }))._status).toBe(
      'published',
    )
    const shown = await get(`/articles/${draft.slug}`)
    expect(shown.body.blocks.map((b: any) => b.type)).toEqual(['paragraph', 'quote'])

    await s.payload.update({ collection: 'quotes', id: quote.id, data: { _status: 'draft' } })
    for (const as of ['anonymous', 'trusted'] as Actor[]) {
      const { body: now } = await get(`/articles/${draft.slug}`, as)
      expect(now.blocks.map((b: any) => b.type)).toEqual(['paragraph'])
      expect(JSON.stringify(now)).not.toContain('Not for the public yet')
    }
  })

  it('an embargoed story is hidden from the public and ordinary clients, shown with its time to trusted clients, and public within a second of its time', async () => {
    const embargoUntil = new Date(Date.now() + 3000).toISOString()
    const article = await story({ embargoUntil, tags: ['leak-embargo'] })
    for (const as of ['anonymous', 'client', 'revoked'] as Actor[]) {
      const { status } = await get(`/articles/${article.slug}`, as)
      expect(status).toBe(as === 'revoked' ? 401 : 404)
    }
    expect((await get('/articles?tag=leak-embargo', 'client')).body.items).toEqual([])
    const trusted = await get(`/articles/${article.slug}`, 'trusted')
    expect(trusted.status).toBe(200)
    expect(Date.parse(trusted.body.embargoUntil)).toBe(Date.parse(embargoUntil))
    expect((await get('/articles?tag=leak-embargo', 'trusted')).body.items).toHaveLength(1)

    let visibleAt = 0
    while (!visibleAt) {
      const { status } = await get(`/articles/${article.slug}`)
      if (status === 200) visibleAt = Date.now()
      else await sleep(50)
      if (Date.now() > Date.parse(embargoUntil) + 5000) break
    }
    expect(visibleAt).toBeGreaterThanOrEqual(Date.parse(embargoUntil))
    expect(visibleAt - Date.parse(embargoUntil)).toBeLessThan(1000)
    expect((await get('/articles?tag=leak-embargo')).body.items).toHaveLength(1)
    expect((await get(`/articles/${article.slug}`, 'trusted')).body.embargoUntil).toBeNull()
  })
})

describe('every change a story shows is served on the next request', () => {
  it('a photographer renamed, a quote edited, a speaker renamed, a result corrected, an unpublish', async () => {
    const before = (await get(`/articles/${DEMO_SLUG}`)).body
    const photo = before.blocks.find((b: any) => b.type === 'photo').photo
    const quote = before.blocks.find((b: any) => b.type === 'quote').quote

    await s.payload.update({
      collection: 'photographers',
      id: photo.photographer.id,
      data: { name: 'Renamed Photographer' },
    })
    let now = (await get(`/articles/${DEMO_SLUG}`)).body
    const photoNow = now.photos.find((p: any) => p.id === photo.id)
    expect(photoNow.creditLine).toContain('Renamed Photographer')
    expect(now.html).toContain('Renamed Photographer')

    await s.payload.update({
      collection: 'quotes',
      id: quote.id,
      data: { text: 'An edited quote.', _status: 'published' },
    })
    now = (await get(`/articles/${DEMO_SLUG}`)).body
    expect(now.html).toContain('An edited quote.')

    await s.payload.update({
      collection: 'people',
      id: quote.speaker.id,
      data: { name: 'Renamed Speaker' },
    })
    now = (await get(`/articles/${DEMO_SLUG}`)).body
    expect(now.html).toContain('<span class="speaker">Renamed Speaker</span>')

    const result =
      now.championship.results[0] ??
      now.blocks.find((b: any) => b.type === 'fact' && b.fact.kind === 'result')?.fact
    await s.payload.update({
      collection: 'results',
      id: result.id,
      data: { laps: 999, _status: 'published' },
    })
    now = (await get(`/articles/${DEMO_SLUG}`)).body
    expect(JSON.stringify(now)).toContain('"laps":999')

    await s.payload.update({ collection: 'articles', id: demo.id, data: { _status: 'draft' } })
    expect((await get(`/articles/${DEMO_SLUG}`)).status).toBe(404)
    await s.payload.update({ collection: 'articles', id: demo.id, data: { _status: 'published' } })
    expect((await get(`/articles/${DEMO_SLUG}`)).status).toBe(200)
  })
})

describe('what a change costs the cache', () => {
  it('drafting a new story, autosaves included, keeps every cached response; publishing it drops the lists only', async () => {
    const cached = async (path: string) => (await get(path)).headers.get('x-cache')
    await get(`/articles/${DEMO_SLUG}`)
    await get('/articles?limit=5')
    expect(await cached(`/articles/${DEMO_SLUG}`)).toBe('hit')
    expect(await cached('/articles?limit=5')).toBe('hit')
    const draft = await story({ _status: 'draft' })
    await s.payload.update({
      collection: 'articles',
      id: draft.id,
      data: { title: 'Still drafting' },
      draft: true,
      autosave: true,
    })
    expect(await cached(`/articles/${DEMO_SLUG}`)).toBe('hit')
    expect(await cached('/articles?limit=5')).toBe('hit')
    await s.payload.update({ collection: 'articles', id: draft.id, data: { _status: 'published' } })
    expect(await cached('/articles?limit=5')).toBe('miss')
    expect(await cached(`/articles/${DEMO_SLUG}`)).toBe('hit')
  })
})

describe('lists', () => {
  it('pages newest first with a cursor that stays stable while stories are published', async () => {
    const base = Date.parse('2024-05-01T12:00:00Z')
    const made: Article[] = []
    for (let i = 0; i < 7; i++)
      made.push(
        await story({ tags: ['paging'], publishedAt: new Date(base + i * 60_000).toISOString() }),
      )
    // Two with the same publication time: the id breaks the tie.
    made.push(
      await story({ tags: ['paging'], publishedAt: new Date(base + 3 * 60_000).toISOString() }),
    )

    const page1 = await get('/articles?tag=paging&limit=3')
    expect(page1.status).toBe(200)
    expectContract('ArticleList', page1.body)
    expect(page1.body.items).toHaveLength(3)
    // Published between page requests: newer than everything, so it does not shift later pages.
    await story({ tags: ['paging'] })
    await story({ tags: ['paging'] })
    const page2 = await get(`/articles?tag=paging&limit=3&cursor=${page1.body.nextCursor}`)
    const page3 = await get(`/articles?tag=paging&limit=3&cursor=${page2.body.nextCursor}`)
    expect(page3.body.nextCursor).toBeNull()
    const seen = [...page1.body.items, ...page2.body.items, ...page3.body.items].map(
      (a: any) => a.id,
    )
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.sort()).toEqual(made.map((a) => String(a.id)).sort())
    const times = [...page1.body.items, ...page2.body.items, ...page3.body.items].map((a: any) =>
      Date.parse(a.publishedAt),
    )
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('filters by series, season, event, team, driver, tag and date range', async () => {
    const demoOnly = async (query: string) => {
      const { status, body } = await get(`/articles?${query}`)
      expect(status, query).toBe(200)
      return body.items.map((a: any) => a.slug)
    }
    const full = (await get(`/articles/${DEMO_SLUG}`)).body
    const team = full.championship.entries[0].team.slug ?? full.championship.teams[0]?.slug
    const driver = full.championship.drivers[0]?.slug
    expect(await demoOnly('series=imsa-weathertech-sportscar-championship')).toContain(DEMO_SLUG)
    expect(await demoOnly('season=2023')).toContain(DEMO_SLUG)
    expect(await demoOnly('event=petit-le-mans')).toContain(DEMO_SLUG)
    if (full.championship.teams.length) expect(await demoOnly(`team=${team}`)).toContain(DEMO_SLUG)
    if (driver) expect(await demoOnly(`driver=${driver}`)).toContain(DEMO_SLUG)
    const day = full.publishedAt.slice(0, 10)
    expect(await demoOnly(`from=${day}&to=${full.publishedAt}`)).toContain(DEMO_SLUG)
    expect(await demoOnly(`to=2000-01-01`)).toEqual([])
    const tagged = await story({ tags: ['only-me'] })
    expect(await demoOnly('tag=only-me')).toEqual([tagged.slug])
  })
})

describe('bad requests get a 4xx naming the problem, never a 500', () => {
  it.each([
    ['/articles?limit=0', 400, 'limit'],
    ['/articles?limit=101', 400, 'limit'],
    ['/articles?limit=ten', 400, 'limit'],
    ['/articles?cursor=not-a-cursor', 400, 'cursor'],
    [`/articles?cursor=${Buffer.from('["x","1"]').toString('base64url')}`, 400, 'cursor'],
    ['/articles?locale=fr', 400, 'locale'],
    ['/articles?series=nope-series', 400, 'series'],
    ['/articles?series=Not%20A%20Slug', 400, 'series'],
    ['/articles?season=23', 400, 'season'],
    ['/articles?from=yesterday', 400, 'from'],
    ['/articles?from=2024-02-01&to=2024-01-01', 400, 'from'],
    ['/articles?tag=a&tag=b', 400, 'tag'],
    [`/articles/${DEMO_SLUG}?locale=xx`, 400, 'locale'],
    ['/sitemaps/news.xml?locale=fr', 400, 'locale'],
    ['/openapi.json?locale=fr', 400, 'locale'],
    ['/articles/no-such-story', 404, undefined],
    ['/articles/%E0%A4%A', 400, undefined],
    ['/nothing-here', 404, undefined],
  ])('%s → %i', async (path, status, parameter) => {
    const { status: actual, body } = await get(path)
    expect(actual).toBe(status)
    expectContract('Error', body)
    if (parameter) expect(body.errors[0]).toMatchObject({ parameter })
  })

  it('refuses unknown, malformed and revoked API keys with 401, and a key revoked now on the next request', async () => {
    const bad = [
      { authorization: 'api-clients API-Key aaaaaaaaaaaaaaaaaaaaaaaa' },
      { authorization: 'api-clients API-Key short' },
      { authorization: 'Bearer something' },
    ]
    for (const headers of bad) {
      const { status, headers: h } = await get(`/articles/${DEMO_SLUG}`, 'anonymous', headers)
      expect(status).toBe(401)
      expect(h.get('www-authenticate')).toBe('API-Key')
    }
    const key = 'k'.repeat(16) + Date.now()
    const client = await s.payload.create({
      collection: 'api-clients',
      data: {
        name: 'Soon revoked',
        scopes: ['read_published'],
        enabled: true,
        enableAPIKey: true,
        apiKey: key,
      },
    })
    const headers = { authorization: `api-clients API-Key ${key}` }
    expect((await get(`/articles/${DEMO_SLUG}`, 'anonymous', headers)).status).toBe(200)
    await s.payload.update({ collection: 'api-clients', id: client.id, data: { enabled: false } })
    expect((await get(`/articles/${DEMO_SLUG}`, 'anonymous', headers)).status).toBe(401)
  })
})

const feedParser = new Parser({
  customFields: { item: [['media:content', 'media', { keepArray: true }]] },
})

const FEEDS = ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json', '/sitemaps/news.xml']

/** The story URLs a feed or sitemap lists, whatever its format. */
function urlsIn(body: unknown): string[] {
  if (typeof body === 'object' && body && 'items' in body)
    return (body as { items: { url: string }[] }).items.map((item) => item.url)
  return [...String(body).matchAll(/(?:<link>|<loc>|<link[^>]*href=")([^<"]+)/g)].map((m) => m[1]!)
}

describe('feeds, sitemap and ninjs', () => {
  it('RSS and Atom parse in a common feed reader and carry every photo credit', async () => {
    const rss = await get('/feeds/rss.xml')
    expect(rss.status).toBe(200)
    expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    const parsed = await feedParser.parseString(rss.body)
    const item = parsed.items.find((i) => i.link?.includes(DEMO_SLUG))!
    expect(item).toBeTruthy()
    const full = (await get(`/articles/${DEMO_SLUG}`)).body
    const credits = (item as any).media.map(
      (m: any) => m['media:credit'][0]._ ?? m['media:credit'][0],
    )
    expect(credits.sort()).toEqual(full.photos.map((p: any) => p.creditLine).sort())
    expect(rss.body).toContain('role="photographer"')

    const atom = await get('/feeds/atom.xml')
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    const parsedAtom = await feedParser.parseString(atom.body)
    expect(parsedAtom.items.some((i) => i.link?.includes(DEMO_SLUG))).toBe(true)
    for (const photo of full.photos) expect(atom.body).toContain(photo.creditLine)
  })

  it('JSON Feed 1.1 carries credits in its _paddock extension, and filters like lists', async () => {
    const { status, headers, body } = await get(
      '/feeds/feed.json?series=imsa-weathertech-sportscar-championship',
    )
    expect(status).toBe(200)
    expect(headers.get('content-type')).toBe('application/feed+json; charset=utf-8')
    expect(body.version).toBe('https://jsonfeed.org/version/1.1')
    const item = body.items.find((i: any) => i.url.includes(DEMO_SLUG))
    expect(item._paddock.photos.length).toBeGreaterThan(0)
    expect(item._paddock.photos[0]).toMatchObject({ creditLine: expect.any(String) })
    // SERVER_URL names port 3000; the test server listens elsewhere.
    const about = await fetch(`${s.url}${new URL(item._paddock.about).pathname}`)
    expect(about.status).toBe(200)
    expect(await about.text()).toContain('creditLine')
    expect((await get('/feeds/feed.json?tag=nothing-tagged-so')).body.items).toEqual([])
    // Feeds take no `limit`: like any parameter a route does not take, it is ignored.
    const limited = await get('/feeds/feed.json?limit=5&utm_source=newsletter')
    expect(limited.status).toBe(200)
    expect(limited.body.items.length).toBe((await get('/feeds/feed.json')).body.items.length)
  })

  it('ninjs 2.2 validates against the IPTC schema; only trusted clients see "embargoed"', async () => {
    const open = await get(`/articles/${DEMO_SLUG}/ninjs`)
    expect(open.status).toBe(200)
    expectValidNinjs(open.body)
    expect(open.body).not.toHaveProperty('embargoed')
    expect(open.body.associations.length).toBeGreaterThan(0)
    const full = (await get(`/articles/${DEMO_SLUG}`)).body
    const credits = open.body.associations.map(
      (picture: any) => picture.descriptions.find((d: any) => d.role === 'creditline').value,
    )
    expect(credits.sort()).toEqual(full.photos.map((p: any) => p.creditLine).sort())
    expect(open.body.associations.every((picture: any) => picture.by)).toBe(true)

    const embargoUntil = new Date(Date.now() + 60 * 60 * 1000).toISOString()
    const secret = await story({ embargoUntil })
    expect((await get(`/articles/${secret.slug}/ninjs`)).status).toBe(404)
    expect((await get(`/articles/${secret.slug}/ninjs`, 'client')).status).toBe(404)
    const trusted = await get(`/articles/${secret.slug}/ninjs`, 'trusted')
    expect(trusted.status).toBe(200)
    expectValidNinjs(trusted.body)
    expect(Date.parse(trusted.body.embargoed)).toBe(Date.parse(embargoUntil))
  })

  it('no feed or sitemap lists a draft or an embargoed story, except embargoed ones to trusted clients', async () => {
    const draft = await story({ _status: 'draft' })
    const embargoed = await story({ embargoUntil: new Date(Date.now() + 3_600_000).toISOString() })
    const visible = await story({})
    for (const feed of FEEDS) {
      for (const as of ['anonymous', 'client', 'trusted'] as Actor[]) {
        const { status, body } = await get(feed, as)
        expect(status, `${feed} as ${as}`).toBe(200)
        const urls = urlsIn(body).join(' ')
        expect(urls, `${feed} as ${as}`).toContain(visible.slug)
        expect(urls, `${feed} as ${as}`).not.toContain(draft.slug)
        if (as === 'trusted') expect(urls, feed).toContain(embargoed.slug)
        else expect(urls, `${feed} as ${as}`).not.toContain(embargoed.slug)
      }
    }
  })

  it('the news sitemap lists only the last two days', async () => {
    const old = await story({
      publishedAt: new Date(Date.now() - 3 * 24 * 3_600_000).toISOString(),
    })
    const fresh = await story({})
    const { body, headers } = await get('/sitemaps/news.xml')
    expect(headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect(body).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"')
    expect(body).toContain(fresh.slug)
    expect(body).not.toContain(old.slug)
  })
})

describe('contract', () => {
  it('the typed client reads a story, pages a list and surfaces errors', async () => {
    const cms = createDeliveryClient({ baseUrl: s.url })
    const { data, error } = await cms.GET('/articles/{slug}', {
      params: { path: { slug: DEMO_SLUG }, query: { locale: 'it' } },
    })
    expect(error).toBeUndefined()
    expect(data).toMatchObject({ slug: DEMO_SLUG, locale: 'it' })
    expect(data!.photos[0]!.creditLine).toEqual(expect.any(String))
    const page = await cms.GET('/articles', { params: { query: { limit: 1 } } })
    expect(page.data!.items).toHaveLength(1)
    const next = await cms.GET('/articles', {
      params: { query: { limit: 1, cursor: page.data!.nextCursor! } },
    })
    expect(next.data!.items[0]!.id).not.toBe(page.data!.items[0]!.id)
    const missing = await cms.GET('/articles/{slug}', {
      params: { path: { slug: 'no-such-story' } },
    })
    expect(missing.response.status).toBe(404)
    expect(missing.error!.errors[0]!.message).toMatch(/no-such-story/)
    const trusted = createDeliveryClient({ baseUrl: s.url, apiKey: cast.keys.trusted })
    expect((await trusted.GET('/articles', {})).response.headers.get('cache-control')).toBe(
      'private, no-cache',
    )
  })

  it('publishes an OpenAPI 3.1 document describing every route', async () => {
    const { status, body } = await get('/openapi.json')
    expect(status).toBe(200)
    expect(body.openapi).toBe('3.1.0')
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/articles',
        '/articles/{slug}',
        '/articles/{slug}/ninjs',
        '/feeds/rss.xml',
        '/feeds/atom.xml',
        '/feeds/feed.json',
        '/sitemaps/news.xml',
      ]),
    )
  })
})
