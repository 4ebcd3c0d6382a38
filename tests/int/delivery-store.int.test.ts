import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Article } from '../../src/payload-types'
import { storeFor } from '../../src/delivery/store'
import { rendererStamp } from '../../src/delivery/store/render'
import { publisher } from '../../src/publishing/publisher'
import { block, document, paragraph } from '../../src/seed/lexical'
import { startTestServer } from '../helpers/server'
import type { TestServer } from '../helpers/server'

/**
 * The delivery store (src/delivery/store): every published story's views are rendered when they
 * change and stored, one row per locale and audience; readers are served from those rows (one
 * indexed read), lists and feeds too; an embargo lift is a time filter on them; a failed render
 * leaves them stale and is made good per request and by recovery.
 */
let s: TestServer
const DEMO_SLUG = 'cadillac-clinches-first-gtp-title-at-petit-le-mans'

interface StoredView {
  id: number | string
  view: string
  story: string
  locale: string
  audience: string
  visibleFrom: string
  renderer: string
  stale: boolean | number
  response: string
  etag: string
  gzipped: string
}

/** The story a stored view's response shows. */
const modelOf = (view: StoredView) => JSON.parse(view.response)

/** A stored response replaced as a renderer would store it: bytes, ETag and gzip together. */
const storedResponse = (value: unknown) => {
  const body = Buffer.from(JSON.stringify(value))
  return {
    response: body.toString(),
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    gzipped: gzipSync(body).toString('base64'),
  }
}

async function viewsOf(story: number | string): Promise<StoredView[]> {
  const { docs } = await s.payload.db.find<StoredView>({
    collection: 'delivery-views',
    where: { story: { equals: String(story) } },
    limit: 0,
    pagination: false,
  })
  return docs.sort((a, b) => a.view.localeCompare(b.view))
}

async function get(path: string, init?: RequestInit) {
  const response = await fetch(`${s.url}/content/v1${path}`, init)
  const text = await response.text()
  let body: any = text
  try {
    body = JSON.parse(text)
  } catch {
    // A feed.
  }
  return { status: response.status, headers: response.headers, body }
}

async function story(title: string, data: Partial<Article> = {}): Promise<Article> {
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  s = await startTestServer({ seed: true })
}, 120_000)

afterAll(async () => {
  await s?.stop()
})

describe('the delivery store', () => {
  it('loads the newest stories into memory and warms up before the first reader asks (DELIVERY_PREWARM)', async () => {
    const { docs } = await s.payload.find({
      collection: 'articles',
      where: { slug: { equals: DEMO_SLUG } },
      depth: 0,
    })
    const [stored] = (await viewsOf(docs[0]!.id)).filter((view) => view.view.endsWith('|en|public'))
    // The first request since the server started: answered from memory, with the stored bytes.
    const first = await fetch(`${s.url}/content/v1/articles/${DEMO_SLUG}`, {
      headers: { 'accept-encoding': 'identity' },
    })
    expect(first.headers.get('x-cache')).toBe('hit')
    expect(first.headers.get('etag')).toBe(stored!.etag)
    expect(await first.text()).toBe(stored!.response)
    // The instance asked itself for the story in the other locale before it said ready (its
    // warm-up, src/delivery/warmUp.ts): that view is in memory too.
    const italian = await fetch(`${s.url}/content/v1/articles/${DEMO_SLUG}?locale=it`)
    expect(italian.status).toBe(200)
    expect(italian.headers.get('x-cache')).toBe('hit')
  })

  it('stores each published story once per locale and audience, and serves readers from those rows', async () => {
    const article = await story('Stored on write', { tags: ['Stored'] })
    const views = await viewsOf(article.id)
    expect(views.map((view) => view.view)).toEqual([
      `${article.id}|en|embargoed`,
      `${article.id}|en|public`,
      `${article.id}|it|embargoed`,
      `${article.id}|it|public`,
    ])
    for (const view of views) {
      expect(view.renderer).toBe(rendererStamp())
      expect(Boolean(view.stale)).toBe(false)
      expect(modelOf(view).title).toBe('Stored on write')
    }

    // What readers get is the stored row: a row changed behind Payload's back is what they see.
    const publicView = views.find((view) => view.view.endsWith('|en|public'))!
    const model = modelOf(publicView)
    await s.payload.db.updateOne({
      collection: 'delivery-views',
      id: publicView.id,
      data: storedResponse({ ...model, title: 'Read from the stored row' }),
    })
    publisher.invalidateEverything()
    const served = await get(`/articles/${article.slug}`)
    expect(served.status).toBe(200)
    expect(served.body.title).toBe('Read from the stored row')
    // The story's response is the stored bytes, with the stored ETag, gzipped or not.
    const [stored] = (await viewsOf(article.id)).filter((view) => view.id === publicView.id)
    const identity = await fetch(`${s.url}/content/v1/articles/${article.slug}`, {
      headers: { 'accept-encoding': 'identity' },
    })
    expect(identity.headers.get('etag')).toBe(stored!.etag)
    expect(await identity.text()).toBe(stored!.response)
    const zipped = await fetch(`${s.url}/content/v1/articles/${article.slug}`)
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(await zipped.text()).toBe(stored!.response)
    const list = await get('/articles?tag=Stored')
    expect(list.body.items.map((item: { title: string }) => item.title)).toEqual([
      'Read from the stored row',
    ])
    const rss = await get('/feeds/rss.xml?tag=Stored')
    expect(rss.body).toContain('Read from the stored row')

    // Rendered again, the row says what the story says.
    await storeFor(s.payload).render([String(article.id)])
    publisher.invalidateEverything()
    expect((await get(`/articles/${article.slug}`)).body.title).toBe('Stored on write')
  })

  it('a list filter matches a tag exactly, whatever the case or LIKE wildcards', async () => {
    await story('Tagged GTP upper', { tags: ['GTP_%'] })
    await story('Tagged gtp lower', { tags: ['gtp_x'] })
    const upper = await get(`/articles?tag=${encodeURIComponent('GTP_%')}`)
    expect(upper.body.items.map((item: { title: string }) => item.title)).toEqual([
      'Tagged GTP upper',
    ])
    const lower = await get(`/articles?tag=${encodeURIComponent('gtp_%')}`)
    expect(lower.body.items).toEqual([])
  })

  it('a change re-renders exactly the stories that show what changed', async () => {
    const person = await s.payload.create({
      collection: 'people',
      data: { name: 'Stored Driver', kind: 'driver' },
    })
    const showing = await story('Shows the driver', { drivers: [person.id] })
    const notShowing = await story('Shows nobody')
    const before = {
      showing: (await viewsOf(showing.id)).map((view) => view.id),
      notShowing: (await viewsOf(notShowing.id)).map((view) => view.id),
    }
    await s.payload.update({
      collection: 'people',
      id: person.id,
      data: { name: 'Renamed Stored Driver' },
    })
    const after = await viewsOf(showing.id)
    // Replaced rows are new rows; the other story's rows were not touched.
    expect(after.map((view) => view.id)).not.toEqual(before.showing)
    expect(modelOf(after[0]!).championship.drivers[0].name).toBe('Renamed Stored Driver')
    expect((await viewsOf(notShowing.id)).map((view) => view.id)).toEqual(before.notShowing)
  })

  it('a story saved while the renderer fails is saved, served fresh, and rendered on recovery', async () => {
    const article = await story('Before the failure')
    const store = storeFor(s.payload)
    const render = store.renderMarked
    store.renderMarked = async () => {
      throw new Error('renderer down (test)')
    }
    try {
      await s.payload.update({
        collection: 'articles',
        id: article.id,
        data: { title: 'Saved while the renderer failed', _status: 'published' },
      })
    } finally {
      store.renderMarked = render
    }
    const views = await viewsOf(article.id)
    expect(views.every((view) => Boolean(view.stale))).toBe(true)
    // Stale rows are rendered for the request meanwhile.
    expect((await get(`/articles/${article.slug}`)).body.title).toBe(
      'Saved while the renderer failed',
    )
    // Recovery (run here, or already by the timer the failure set) stores the story.
    await store.recover()
    const recovered = await viewsOf(article.id)
    expect(recovered.every((view) => !view.stale)).toBe(true)
    expect(modelOf(recovered[0]!).title).toBe('Saved while the renderer failed')
  })

  it('views made by another renderer version are served rendered afresh and replaced on recovery', async () => {
    const article = await story('Rendered by an older renderer')
    for (const view of await viewsOf(article.id))
      await s.payload.db.updateOne({
        collection: 'delivery-views',
        id: view.id,
        data: {
          renderer: '0:older-renderer',
          ...storedResponse({ ...modelOf(view), title: 'Old HTML' }),
        },
      })
    publisher.invalidateEverything()
    expect((await get(`/articles/${article.slug}`)).body.title).toBe(
      'Rendered by an older renderer',
    )
    await storeFor(s.payload).recover({ full: true })
    const views = await viewsOf(article.id)
    expect(views.map((view) => view.renderer)).toEqual(views.map(() => rendererStamp()))
    expect(modelOf(views[0]!).title).toBe('Rendered by an older renderer')
  })

  it('an embargo lift is a time filter on stored rows, not a render', async () => {
    const lift = new Date(Date.now() + 2500).toISOString()
    const article = await story('Lifted by time alone', { embargoUntil: lift })
    const views = await viewsOf(article.id)
    const publicViews = views.filter((view) => view.audience === 'public')
    expect(publicViews).toHaveLength(2)
    for (const view of publicViews) {
      expect(view.visibleFrom).toBe(lift)
      // Rendered for the public as of its lift: no embargo time, as the public sees it then.
      expect(modelOf(view).embargoUntil).toBeNull()
    }
    expect((await get(`/articles/${article.slug}`)).status).toBe(404)
    expect((await get('/articles?limit=100')).body.items.map((i: any) => i.slug)).not.toContain(
      article.slug,
    )
    await sleep(Date.parse(lift) - Date.now() + 100)
    const served = await get(`/articles/${article.slug}`)
    expect(served.status).toBe(200)
    expect(served.body.title).toBe('Lifted by time alone')
    expect((await get('/articles?limit=100')).body.items.map((i: any) => i.slug)).toContain(
      article.slug,
    )
    // The same rows: nothing was rendered at the lift.
    expect((await viewsOf(article.id)).map((view) => view.id)).toEqual(views.map((view) => view.id))
    // The trusted view was stored stating the embargo; past it, trusted clients read none.
    const trustedRow = views.find((view) => view.view.endsWith('|en|embargoed'))!
    expect(modelOf(trustedRow).embargoUntil).toBe(lift)
    const trusted = await storeFor(s.payload).article(article.slug!, 'en', 'embargoed')
    expect(trusted?.rendered).toBeUndefined()
    expect(trusted?.article().embargoUntil).toBeNull()
  })

  it('an unpublished story leaves the store, and a list no longer shows it', async () => {
    const article = await story('Soon unpublished')
    expect(await viewsOf(article.id)).toHaveLength(4)
    await s.payload.update({ collection: 'articles', id: article.id, data: { _status: 'draft' } })
    expect(await viewsOf(article.id)).toHaveLength(0)
    expect((await get(`/articles/${article.slug}`)).status).toBe(404)
  })

  it('a results table block is stored with its rows and re-rendered when a result changes', async () => {
    const { docs } = await s.payload.find({
      collection: 'articles',
      where: { slug: { equals: DEMO_SLUG } },
    })
    const demo = docs[0] as Article
    const { docs: results } = await s.payload.find({ collection: 'results', limit: 1, depth: 0 })
    const result = results[0]!
    const event = typeof result.event === 'object' ? result.event!.id : result.event!
    const withTable = await story('Shows a results table', {
      body: document([
        paragraph('Classification:'),
        block('store-table-1', 'resultsTable', {
          event,
          session: result.session ?? 'race',
          top: 5,
        }),
      ]) as Article['body'],
    })
    const before = await viewsOf(withTable.id)
    expect(before).toHaveLength(4)
    const demoBefore = (await viewsOf(demo.id)).map((view) => view.id)
    await s.payload.update({
      collection: 'results',
      id: result.id,
      data: { laps: (result.laps ?? 0) + 1 },
    })
    const after = await viewsOf(withTable.id)
    expect(after.map((view) => view.id)).not.toEqual(before.map((view) => view.id))
    // The demo story shows the result too (as a fact): it is re-rendered; one that does not, not.
    expect((await viewsOf(demo.id)).map((view) => view.id)).not.toEqual(demoBefore)
  })
})
