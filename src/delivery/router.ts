import express from 'express'
import type { NextFunction, Request, Response, Router } from 'express'
import type { Payload } from 'payload'

import { env } from '../config/env'
import { DEFAULT_LIMITS, ResponseCache, rendered } from './cache'
import type { Rendered } from './cache'
import { embargoes } from '../publishing/embargoes'
import { ANY_CHANGE, EVERYTHING, LIST_KEYS, storyKey } from '../publishing/keys'
import { publisher } from '../publishing/publisher'
import { cacheHeaders } from './cacheHeaders'
import { atom, htmlSafeJson, jsonFeed, newsSitemap, ninjs, rss } from './formats'
import type { TagOptions } from './formats'
import { findEventResults, parseEventResultsQuery } from './eventResults'
import { feedIdentity } from './feedIdentity'
import { KnownSlugs, publishedSlugs } from './knownSlugs'
import { listArticles } from './lists'
import { dependenciesOf, findArticleBySlug } from './model'
import type { ModelContext, Reader } from './model'
import type { DeliveredArticle, FeedContext } from './types'
import { openApiDocument } from './openapi'
import { storeFor } from './store'
import type { StoredArticle } from './store'
import { DELIVERY_PREFIX } from './paths'
import {
  DeliveryError,
  DEFAULT_LOCALE,
  FEED_SIZE,
  parseArticleQuery,
  parseFeedQuery,
  parseListQuery,
  parseLocale,
  parseSlug,
} from './query'
import type { ListFilters } from './query'
import { identifyReader } from './readers'
import { articleRendered, jsonRendered, listResponse } from './responses'

export { DELIVERY_PREFIX }

export const errorRendered = (error: DeliveryError): Rendered =>
  jsonRendered(error.status, {
    errors: [
      { message: error.message, ...(error.parameter ? { parameter: error.parameter } : {}) },
    ],
  })

/**
 * Turns the request into the values the response depends on, validated and in one canonical
 * form, without touching the database. These values, not the raw URL, name the cache entry.
 */
type Parse<P> = (req: Request) => P

type Build<P> = (ctx: ModelContext, parsed: P) => Promise<Rendered>

const JSON_FEED_EXTENSION_DOC = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The _paddock JSON Feed extension</title></head>
<body>
<h1>The <code>_paddock</code> JSON Feed extension</h1>
<p>Each item of a Paddock CMS JSON Feed carries <code>_paddock.photos</code>: one object per photo
the story shows, hero first, with <code>url</code> (the photo's large rendition),
<code>creditLine</code> (print it with every use), <code>photographer</code>,
<code>copyrightNotice</code> and <code>license</code> (a URL), each <code>null</code> when unknown.</p>
<p>The same credits are in the RSS and Atom feeds as Media RSS (<code>media:credit</code>,
<code>media:copyright</code>) and in the ninjs and JSON-LD of each story.</p>
</body></html>
`

const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 60 * 60 * 1000

/** What a feed's title says it is filtered by, e.g. "Paddock newsroom: series imsa, tag gtp". */
function feedTitle(publisherName: string, filters: ListFilters): string {
  const parts = Object.entries(filters).map(([name, value]) => `${name} ${value}`)
  return parts.length ? `${publisherName}: ${parts.join(', ')}` : publisherName
}

/**
 * The cache key: everything a response depends on besides the content, built from
 * the route and its validated values, so its length is bounded and a parameter no route takes
 * cannot make a new entry.
 */
function cacheKey(req: Request, reader: Reader, parsed: unknown): string {
  return keyOf(reader.audience, String(req.route?.path), parsed)
}

const keyOf = (audience: Reader['audience'], route: string, parsed: unknown) =>
  `${audience}\u0000${route}\u0000${JSON.stringify(parsed)}`

const ARTICLE_ROUTE = '/articles/:slug'

/** The canonical query string of a feed, for its self link: only what names the feed. */
function feedQuery(locale: string, filters: ListFilters): string {
  const params = new URLSearchParams()
  if (locale !== DEFAULT_LOCALE) params.set('locale', locale)
  for (const [name, value] of Object.entries(filters)) params.set(name, String(value))
  const query = params.toString()
  return query ? `?${query}` : ''
}

function cacheControl(reader: Reader, cdnMaxAge: number): string {
  if (reader.audience === 'embargoed') return 'private, no-cache'
  // A CDN must not hold a response past the next embargo lift, which changes what it should say.
  const untilLift = embargoes.secondsToNextLift()
  const maxAge = untilLift === null ? cdnMaxAge : Math.min(cdnMaxAge, untilLift)
  return `public, max-age=0, s-maxage=${maxAge}, stale-while-revalidate=${maxAge * 2}`
}

/** Bodies smaller than this are sent as they are: gzip would save next to nothing. */
const GZIP_MIN_BYTES = 1024

/** A strong ETag names one representation: the gzipped bytes get their own. */
const gzipEtag = (etag: string) => `${etag.slice(0, -1)}-gz"`

/** `Surrogate-Key` and `Cache-Tag` of a response, made once per cached response, not per hit. */
const keyHeaders = new WeakMap<Rendered, Record<string, string>>()
const keyHeadersOf = (response: Rendered): Record<string, string> => {
  let headers = keyHeaders.get(response)
  if (!headers) {
    headers = cacheHeaders(response.keys ?? [])
    keyHeaders.set(response, headers)
  }
  return headers
}

/**
 * Writes a finished response with Node's own calls: a hit is little more than this, and
 * Express's `set` and `send` (content-type parsing, freshness checks) cost more than the rest of
 * it. Node sends no body for HEAD.
 */
function send(
  req: Request,
  res: Response,
  { response, hit }: { response: Rendered; hit: boolean },
  reader: Reader,
  gzipped: () => Buffer,
  started: number,
): void {
  const settings = env()
  const gzip = response.body.length >= GZIP_MIN_BYTES && req.acceptsEncodings('gzip') === 'gzip'
  const body = gzip ? gzipped() : response.body
  res.setHeader('Content-Type', response.contentType)
  res.setHeader('ETag', gzip ? gzipEtag(response.etag) : response.etag)
  res.setHeader(
    'Cache-Control',
    response.status < 400 ? cacheControl(reader, settings.cdnMaxAgeSeconds) : 'no-cache',
  )
  res.setHeader('Vary', 'Authorization, Accept-Encoding')
  // Whether this instance answered from memory: for operators and tests, not for caches.
  res.setHeader('X-Cache', hit ? 'hit' : 'miss')
  for (const [name, value] of Object.entries(keyHeadersOf(response))) res.setHeader(name, value)
  // The server's own time for this response, up to its first byte (W3C Server Timing): what
  // the cache or the stored view cost, apart from the network and the client.
  res.setHeader('Server-Timing', `app;dur=${(performance.now() - started).toFixed(2)}`)
  if (response.status === 200 && noneMatches(req.headers['if-none-match'], response.etag)) {
    res.statusCode = 304
    res.end()
    return
  }
  if (gzip) res.setHeader('Content-Encoding', 'gzip')
  res.setHeader('Content-Length', body.length)
  res.statusCode = response.status
  res.end(body)
}

/**
 * Whether an If-None-Match header fails for a representation with this ETag (RFC 9110, 13.1.2):
 * it names the ETag (weakly compared, identity or gzip), or is `*`, which any existing
 * representation matches. A GET it fails for is answered 304.
 */
export function noneMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((tag) => {
    const candidate = tag.trim().replace(/^W\//, '')
    return candidate === etag || candidate === gzipEtag(etag)
  })
}

/** A list's keys: its own, then the stories it shows (every change to those drops lists too). */
const listKeys = (listKey: string, items: DeliveredArticle[]): string[] => [
  listKey,
  ...items.map((item) => storyKey(item.publicId)),
]

/** Thin routes: identify the reader, serve from the cache or build through one domain call. */
export interface DeliveryRouter extends Router {
  /**
   * Loads the newest `count` stories' stored responses (public, default locale) into the cache,
   * as requests for them would have: before listening, so a restart does not start cold.
   * Answers the slugs of those it loaded.
   */
  prewarm: (count: number) => Promise<string[]>
}

export function deliveryRouter(payload: Payload): DeliveryRouter {
  const settings = env()
  const cache = new ResponseCache(DEFAULT_LIMITS, settings.deliveryCache)
  const router = express.Router({ caseSensitive: true, strict: false })
  /** Moves on whenever a story may have appeared or gone (for the known slugs). */
  let storiesGeneration = 0
  publisher.subscribe({
    name: 'delivery response cache',
    invalidated: (keys) => {
      cache.invalidate(keys)
      if (keys.has(EVERYTHING) || keys.has(LIST_KEYS.articles)) storiesGeneration++
    },
  })

  // Published content may be read from any site's pages (a widget, a client-side list): any
  // origin, GET only, no cookies. Keys in browsers are the site's own business.
  router.use((req, res, next) => {
    res.set({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'ETag, Server-Timing',
      // Pages on any site may read the server's time in the browser's Resource Timing too.
      'Timing-Allow-Origin': '*',
    })
    if (req.method !== 'OPTIONS') return next()
    res
      .set({
        'Access-Control-Allow-Methods': 'GET, HEAD',
        'Access-Control-Allow-Headers': 'Authorization, If-None-Match',
        'Access-Control-Max-Age': '86400',
      })
      .status(204)
      .end()
  })

  const serve =
    <P>(parse: Parse<P>, build: Build<P>, maxAgeMs?: number) =>
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      const started = performance.now()
      let reader: Reader = { audience: 'public' }
      try {
        reader = await identifyReader(payload, req.get('authorization'))
        // A malformed value is refused here, before the cache: it costs no database read and
        // takes no memory.
        const parsed = parse(req)
        const key = cacheKey(req, reader, parsed)
        await embargoes.check(payload)
        const answer = await cache.get(
          key,
          async () => {
            const ctx: ModelContext = {
              payload,
              reader,
              locale: DEFAULT_LOCALE,
              serverUrl: settings.serverUrl,
              storyUrl: settings.storyUrl,
            }
            try {
              const response = await build(ctx, parsed)
              // A route that names nothing it shows is dropped by every change readers see.
              return response.keys ? response : { ...response, keys: [ANY_CHANGE] }
            } catch (error) {
              // A slug or filter that names nothing may name something after any story's change.
              if (error instanceof DeliveryError)
                return { ...errorRendered(error), keys: [LIST_KEYS.articles] }
              throw error
            }
          },
          maxAgeMs,
        )
        send(req, res, answer, reader, () => cache.gzipped(key, answer.response), started)
      } catch (error) {
        if (error instanceof DeliveryError) {
          const response = errorRendered(error)
          if (error.status === 401) res.set('WWW-Authenticate', 'API-Key')
          res.status(response.status).type(response.contentType).send(response.body)
          return
        }
        next(error)
      }
    }

  /** Routes whose response is the same in every locale still check the one they are given. */
  const localeOnly = (req: Request) => {
    parseLocale(req.query)
    return {}
  }

  router.get(
    '/articles',
    serve(
      (req) => parseListQuery(req.query),
      async (ctx, query) => {
        const page = await listArticles({ ...ctx, locale: query.locale }, query)
        const response = jsonRendered(200, listResponse(page, query))
        return {
          ...response,
          namesNothing: page.items.length === 0,
          keys: listKeys(LIST_KEYS.articles, page.items),
        }
      },
    ),
  )

  /** The slug the path names and the asked locale; a slug that cannot exist is a 404 at once. */
  const storyQuery = (req: Request) => ({
    slug: parseSlug(String(req.params.slug)),
    ...parseArticleQuery(req.query),
  })

  const knownSlugs = new KnownSlugs(() => publishedSlugs(payload))

  /**
   * The story, in the asked locale, as this reader may see it, and the keys of what it shows
   * (recorded in the dependency index); or a 404.
   */
  const store = storeFor(payload)
  const storyFor = async (
    ctx: ModelContext,
    { slug, locale }: { slug: string; locale: string },
  ): Promise<StoredArticle> => {
    const stored = await store.article(slug, locale, ctx.reader.audience)
    if (stored) return stored
    // No stored view: a made-up slug, or a story the store has not rendered yet (published
    // before the store existed, or while its render failed; recovery renders it).
    const generation = storiesGeneration
    const article = knownSlugs.mayExist(slug, generation)
      ? await findArticleBySlug({ ...ctx, locale }, slug)
      : null
    if (!article) {
      knownSlugs.noteMiss(generation, (error) =>
        payload.logger.error({ err: error }, 'Could not load the published slugs'),
      )
      throw new DeliveryError(404, `No published story with slug "${slug}"`)
    }
    const keys = [...dependenciesOf(article)]
    publisher.index.record({ id: article.id, publicId: article.publicId }, keys)
    store.recoverSoon()
    return { article: () => article, keys }
  }

  router.get(
    ARTICLE_ROUTE,
    serve(storyQuery, async (ctx, query) => {
      const story = await storyFor(ctx, query)
      // A stored view's response goes out as stored: no parse, no serialization, no hash.
      const response = story.rendered ?? articleRendered(story.article(), settings.publisherName)
      return { ...response, keys: story.keys }
    }),
  )

  router.get(
    '/articles/:slug/ninjs',
    serve(storyQuery, async (ctx, query) => {
      const story = await storyFor(ctx, query)
      const body = ninjs(story.article(), {
        trusted: ctx.reader.audience === 'embargoed',
        ...(await feedIdentity(payload, settings)),
      })
      return { ...jsonRendered(200, body), keys: story.keys }
    }),
  )

  const feed = (
    path: string,
    listKey: string,
    contentType: string,
    render: (items: DeliveredArticle[], context: FeedContext, identity: TagOptions) => string,
  ) =>
    router.get(
      path,
      serve(
        (req) => parseFeedQuery(req.query),
        async (ctx, { locale, filters }) => {
          const { items } = await listArticles({ ...ctx, locale }, { filters, limit: FEED_SIZE })
          const context: FeedContext = {
            selfUrl: `${settings.serverUrl}${DELIVERY_PREFIX}${path}${feedQuery(locale, filters)}`,
            siteUrl: new URL(settings.storyUrl.replace('{slug}', '')).origin,
            title: feedTitle(settings.publisherName, filters),
            description: `Latest stories from ${settings.publisherName}`,
            updatedAt: items.reduce(
              (newest, item) => (item.updatedAt > newest ? item.updatedAt : newest),
              items.length ? items[0]!.updatedAt : new Date().toISOString(),
            ),
          }
          const response = rendered(
            200,
            contentType,
            render(items, context, await feedIdentity(payload, settings)),
          )
          return { ...response, namesNothing: items.length === 0, keys: listKeys(listKey, items) }
        },
      ),
    )
  feed(
    '/feeds/rss.xml',
    LIST_KEYS.rss,
    'application/rss+xml; charset=utf-8',
    (items, context, identity) => rss(items, context, identity),
  )
  feed(
    '/feeds/atom.xml',
    LIST_KEYS.atom,
    'application/atom+xml; charset=utf-8',
    (items, context, identity) =>
      atom(items, context, { ...identity, publisherName: settings.publisherName }),
  )
  const extensionAbout = `${settings.serverUrl}${DELIVERY_PREFIX}/docs/json-feed-extension`
  feed(
    '/feeds/feed.json',
    LIST_KEYS.jsonFeed,
    'application/feed+json; charset=utf-8',
    (items, context, identity) =>
      htmlSafeJson(jsonFeed(items, context, { ...identity, extensionAbout })),
  )

  // JSON Feed asks every extension to name a page that explains it.
  router.get(
    '/docs/json-feed-extension',
    serve(localeOnly, async () =>
      // Static: no change to the content alters it.
      ({ ...rendered(200, 'text/html; charset=utf-8', JSON_FEED_EXTENSION_DOC), keys: [] }),
    ),
  )

  router.get(
    '/sitemaps/news.xml',
    serve(
      (req) => ({ locale: parseLocale(req.query) }),
      async (ctx, { locale }) => {
        const now = new Date()
        const from = new Date(now.getTime() - NEWS_SITEMAP_WINDOW_MS).toISOString()
        const { items } = await listArticles({ ...ctx, locale }, { filters: { from }, limit: 1000 })
        const xml = newsSitemap(items, {
          publicationName: settings.publisherName,
          language: locale,
          now: now.toISOString(),
        })
        return {
          ...rendered(200, 'application/xml; charset=utf-8', xml),
          keys: listKeys(LIST_KEYS.newsSitemap, items),
        }
      },
      60_000,
    ),
  )

  router.get(
    '/events/:slug/results',
    serve(parseEventResultsQuery, async (ctx, query) =>
      jsonRendered(200, await findEventResults({ ...ctx, locale: query.locale }, query)),
    ),
  )

  router.get(
    '/openapi.json',
    serve(localeOnly, async () => ({
      ...jsonRendered(200, openApiDocument(settings.serverUrl)),
      keys: [],
    })),
  )

  router.use((req, res) => {
    const response = errorRendered(
      new DeliveryError(404, `No delivery endpoint at ${DELIVERY_PREFIX}${req.path}`),
    )
    res.status(404).type(response.contentType).send(response.body)
  })
  const prewarm = async (count: number): Promise<string[]> => {
    const generation = cache.generation
    const newest = await store.newest(DEFAULT_LOCALE, 'public', count)
    // The key a request for the story makes: storyQuery's value, in its order.
    const kept = cache.fill(
      newest.map(({ slug, story }): [string, Rendered] => [
        keyOf('public', ARTICLE_ROUTE, { slug, locale: DEFAULT_LOCALE }),
        { ...story.rendered!, keys: story.keys },
      ]),
      generation,
    )
    return kept ? newest.map(({ slug }) => slug) : []
  }
  return Object.assign(router, { prewarm })
}
