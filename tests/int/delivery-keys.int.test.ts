import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook as Verifier } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article, Photo } from '../../src/payload-types'
import { idOf, rawIdOf } from '../../src/content/references'
import { block, document, paragraph } from '../../src/seed/lexical'
import { createCast } from '../helpers/actors'
import type { Cast } from '../helpers/actors'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

/**
 * Per-key invalidation (src/publishing/, src/delivery/cache.ts): a change drops exactly the
 * cached responses that show what changed, says so to a CDN in Surrogate-Key / Cache-Tag, and
 * announces the same keys in a signed `cache.purge` webhook. `X-Cache` says whether this
 * instance answered from memory.
 */
let s: TestServer
let cast: Cast
const DEMO_SLUG = 'cadillac-clinches-first-gtp-title-at-petit-le-mans'
let photos: Photo[]
/** Shows photo 0 as its hero; shows photo 0 in its body; shows photo 1; shows no photo. */
let hero: Article, inBody: Article, other: Article, plain: Article
let demo: Article

const photographerOf = (photo: Photo) =>
  typeof photo.photographer === 'object' ? photo.photographer!.id : photo.photographer!

async function get(path: string) {
  const response = await fetch(`${s.url}/content/v1${path}`)
  const text = await response.text()
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {
    // XML
  }
  return { status: response.status, headers: response.headers, body }
}

const cached = async (slug: string) => (await get(`/articles/${slug}`)).headers.get('x-cache')

async function story(title: string, data: Partial<Article>): Promise<Article> {
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

/** Reads each story until this instance answers it from memory. */
async function warm(...slugs: string[]) {
  for (const slug of slugs) {
    await get(`/articles/${slug}`)
    expect(await cached(slug)).toBe('hit')
  }
}

beforeAll(async () => {
  s = await startTestServer({ seed: true, env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' } })
  cast = await createCast(s.payload, s.url)
  photos = (await s.payload.find({ collection: 'photos', depth: 0, sort: 'id', limit: 2 }))
    .docs as Photo[]
  expect(photos).toHaveLength(2)
  expect(photographerOf(photos[0]!)).not.toEqual(photographerOf(photos[1]!))
  hero = await story('Keys: hero photo', { heroPhoto: photos[0]!.id })
  inBody = await story('Keys: photo in the body', {
    body: document([
      paragraph('A photo in the body.'),
      block('keys-photo', 'photo', { photo: photos[0]!.id }),
    ]) as Article['body'],
  })
  other = await story('Keys: the other photo', { heroPhoto: photos[1]!.id })
  plain = await story('Keys: no photo', {})
  demo = (await s.payload.find({ collection: 'articles', where: { slug: { equals: DEMO_SLUG } } }))
    .docs[0] as Article
}, 180_000)

afterAll(async () => {
  await s?.stop()
})

describe('per-key invalidation', () => {
  it('an edit to one story leaves every other story’s cached response in place', async () => {
    const all = [hero, inBody, other, plain, demo].map((article) => article.slug!)
    await warm(...all)
    await s.payload.update({ collection: 'articles', id: plain.id, data: { title: 'Edited' } })
    const edited = await get(`/articles/${plain.slug}`)
    expect(edited.body.title).toBe('Edited')
    expect(edited.headers.get('x-cache')).toBe('miss')
    for (const slug of all.filter((slug) => slug !== plain.slug))
      expect(await cached(slug)).toBe('hit')
  })

  // On this instance the next request sees it; other instances within a second:
  // tests/int/delivery-instances.int.test.ts.
  it('a photographer rename reaches every story that shows the photo, and no other', async () => {
    const showing = [hero, inBody, demo].map((article) => article.slug!)
    const notShowing = [other, plain].map((article) => article.slug!)
    await warm(...showing, ...notShowing)
    const name = 'Renamed Photographer'
    await s.payload.update({
      collection: 'photographers',
      id: photographerOf(photos[0]!),
      data: { name },
    })
    for (const slug of showing) {
      const { body, headers } = await get(`/articles/${slug}`)
      const photo = body.photos.find((p: any) => p.id === String(photos[0]!.id))
      expect(photo.photographer.name).toBe(name)
      expect(photo.creditLine).toContain(name)
      expect(headers.get('x-cache')).toBe('miss')
    }
    for (const slug of notShowing) expect(await cached(slug)).toBe('hit')
  })
  it('a class renamed reaches a story whose result names it, though no entry of the story is in it', async () => {
    // A result keeps the class its car raced in at the event, which its entry may since have left.
    const shown = (await s.payload.find({ collection: 'results', depth: 0, limit: 1, sort: 'id' }))
      .docs[0]!
    const entry = await s.payload.findByID({
      collection: 'entries',
      id: idOf(shown.entry)!,
      depth: 0,
    })
    const raced = await s.payload.create({ collection: 'classes', data: { name: 'Keys Class' } })
    const result = await s.payload.create({
      collection: 'results',
      data: {
        event: rawIdOf(shown.event) as number,
        entry: entry.id,
        session: 'race',
        class: raced.id,
        classification: 'classified',
        positionOverall: 99,
        _status: 'published',
      },
    })
    const showing = await story('Keys: a result in another class', {
      results: [result.id],
      classes: [rawIdOf(entry.class) as number],
    })
    await warm(showing.slug!, plain.slug!)
    await s.payload.update({ collection: 'classes', id: raced.id, data: { name: 'Renamed Class' } })
    const { body, headers } = await get(`/articles/${showing.slug}`)
    expect(body.championship.results.map((r: any) => r.class?.name)).toEqual(['Renamed Class'])
    expect(headers.get('x-cache')).toBe('miss')
    expect(await cached(plain.slug!)).toBe('hit')
  })
})

describe('the keys leave the process', () => {
  it('a story names itself and what it shows in Surrogate-Key and Cache-Tag; lists and feeds name their key', async () => {
    const { headers, body } = await get(`/articles/${hero.slug}`)
    const surrogate = headers.get('surrogate-key')!.split(' ')
    expect(surrogate[0]).toBe(`story:${body.publicId}`)
    expect(surrogate).toEqual(
      expect.arrayContaining([
        `photos:${photos[0]!.id}`,
        `photographers:${photographerOf(photos[0]!)}`,
      ]),
    )
    expect(surrogate).not.toContain(`photos:${photos[1]!.id}`)
    expect(headers.get('cache-tag')!.split(',')).toEqual(surrogate)

    const list = await get('/articles?limit=3')
    const listKeys = list.headers.get('surrogate-key')!.split(' ')
    expect(listKeys[0]).toBe('list:articles')
    expect(listKeys.slice(1)).toEqual(list.body.items.map((item: any) => `story:${item.publicId}`))
    expect((await get('/feeds/rss.xml')).headers.get('surrogate-key')).toMatch(/^feed:rss story:/)
    expect((await get('/feeds/atom.xml')).headers.get('cache-tag')).toMatch(/^feed:atom,story:/)
    // A slug that names nothing may name a story after any story's change: it goes with lists.
    expect((await get('/articles/no-such-story')).headers.get('surrogate-key')).toBe(
      'list:articles',
    )
  })

  it('a change is announced as a signed cache.purge webhook naming the keys it affects', async () => {
    const received: { body: string; headers: Record<string, string> }[] = []
    const receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        received.push({
          body: Buffer.concat(chunks).toString(),
          headers: req.headers as Record<string, string>,
        })
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    try {
      const created = await fetch(`${s.url}/api/webhooks`, {
        method: 'POST',
        headers: { ...cast.headers.admin, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'CDN purger',
          url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/purge`,
          events: ['cache.purge'],
          active: true,
        }),
      })
      expect(created.status).toBe(201)
      const { secret } = (await created.json()).doc as { secret: string }

      await warm(other.slug!, demo.slug!, plain.slug!)
      const photographer = photographerOf(photos[1]!)
      await s.payload.update({
        collection: 'photographers',
        id: photographer,
        data: { name: 'Another Name' },
      })
      const deadline = Date.now() + 20_000
      while (!received.some((r) => r.body.includes(`photographers:${photographer}"`))) {
        if (Date.now() > deadline) throw new Error('no cache.purge arrived')
        await s.payload.jobs.run({ limit: 100 })
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      const events = received.map(
        ({ body, headers }) =>
          new Verifier(secret).verify(body, headers) as {
            type: string
            data: { keys: string[]; stories: string[] }
          },
      )
      const rename = events.find((event) =>
        event.data.keys.includes(`photographers:${photographer}`),
      )!
      expect(rename.type).toBe('cache.purge')
      const otherPublicId = (await get(`/articles/${other.slug}`)).body.publicId
      const demoPublicId = (await get(`/articles/${demo.slug}`)).body.publicId
      const plainPublicId = (await get(`/articles/${plain.slug}`)).body.publicId
      expect(rename.data.keys).toEqual(
        expect.arrayContaining([`story:${otherPublicId}`, `story:${demoPublicId}`, 'feed:rss']),
      )
      expect(rename.data.stories.toSorted()).toEqual([otherPublicId, demoPublicId].toSorted())
      expect(rename.data.keys).not.toContain(`story:${plainPublicId}`)
    } finally {
      await new Promise((resolve) => receiver.close(resolve))
    }
  })
})
