import express from 'express'
import type { NextFunction, Request, Response, Router } from 'express'
import type { Payload } from 'payload'

import { env } from '../config/env'
import { ResponseCache, rendered } from './cache'
import type { Rendered } from './cache'
import { freshness } from './freshness'
import { listArticles } from './lists'
import { findArticleBySlug } from './model'
import type { ModelContext, Reader } from './model'
import { openApiDocument } from './openapi'
import { DeliveryError, parseArticleQuery, parseListQuery, parseSlug, rejectUnknown } from './query'
import { identifyReader } from './readers'
import { articleResponse, listResponse } from './responses'

export const DELIVERY_PREFIX = '/content/v1'

const JSON_TYPE = 'application/json; charset=utf-8'

export const jsonRendered = (status: number, value: unknown): Rendered =>
  rendered(status, JSON_TYPE, JSON.stringify(value))

export const errorRendered = (error: DeliveryError): Rendered =>
  jsonRendered(error.status, {
    errors: [
      { message: error.message, ...(error.parameter ? { parameter: error.parameter } : {}) },
    ],
  })

interface Build {
  (ctx: ModelContext, req: Request): Promise<Rendered>
}

/** The cache key: everything a response depends on besides the content generation. */
function cacheKey(req: Request, reader: Reader): string {
  const query = Object.keys(req.query)
    .sort()
    .map((key) => `${key}=${JSON.stringify(req.query[key])}`)
    .join('&')
  return `${reader.audience}\u0000${req.path}\u0000${query}`
}

function cacheControl(reader: Reader, cdnMaxAge: number): string {
  if (reader.audience === 'embargoed') return 'private, no-cache'
  // A CDN must not hold a response past the next embargo lift, which changes what it should say.
  const untilLift = freshness.secondsToNextLift()
  const maxAge = untilLift === null ? cdnMaxAge : Math.min(cdnMaxAge, untilLift)
  return `public, max-age=0, s-maxage=${maxAge}, stale-while-revalidate=${maxAge * 2}`
}

function send(req: Request, res: Response, response: Rendered, reader: Reader): void {
  const settings = env()
  res.set({
    'Content-Type': response.contentType,
    ETag: response.etag,
    'Cache-Control':
      response.status < 400 ? cacheControl(reader, settings.cdnMaxAgeSeconds) : 'no-cache',
    Vary: 'Authorization',
  })
  const match = req.get('if-none-match')
  if (
    response.status === 200 &&
    match &&
    match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === response.etag)
  ) {
    res.status(304).end()
    return
  }
  res.status(response.status).send(response.body)
}

/** Thin routes: identify the reader, serve from the cache or build through one domain call. */
export function deliveryRouter(payload: Payload): Router {
  const cache = new ResponseCache()
  const settings = env()
  const router = express.Router({ caseSensitive: true, strict: false })

  const serve =
    (build: Build) =>
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      let reader: Reader = { audience: 'public' }
      try {
        reader = await identifyReader(payload, req.get('authorization'))
        const generation = await freshness.current(payload)
        const response = await cache.get(cacheKey(req, reader), generation, async () => {
          const ctx: ModelContext = {
            payload,
            reader,
            locale: 'en',
            serverUrl: settings.serverUrl,
            storyUrl: settings.storyUrl,
          }
          try {
            return await build(ctx, req)
          } catch (error) {
            if (error instanceof DeliveryError) return errorRendered(error)
            throw error
          }
        })
        send(req, res, response, reader)
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

  router.get(
    '/articles',
    serve(async (ctx, req) => {
      const query = parseListQuery(req.query)
      const page = await listArticles({ ...ctx, locale: query.locale }, query)
      return jsonRendered(200, listResponse(page, query))
    }),
  )

  router.get(
    '/articles/:slug',
    serve(async (ctx, req) => {
      const { locale } = parseArticleQuery(req.query)
      const slug = parseSlug(String(req.params.slug))
      const article = await findArticleBySlug({ ...ctx, locale }, slug)
      if (!article) throw new DeliveryError(404, `No published story with slug "${slug}"`)
      return jsonRendered(200, articleResponse(article, settings.publisherName))
    }),
  )

  router.get(
    '/openapi.json',
    serve(async (_ctx, req) => {
      rejectUnknown(req.query, [])
      return jsonRendered(200, openApiDocument(settings.serverUrl))
    }),
  )

  router.use((req, res) => {
    const response = errorRendered(
      new DeliveryError(404, `No delivery endpoint at ${DELIVERY_PREFIX}${req.path}`),
    )
    res.status(404).type(response.contentType).send(response.body)
  })
  return router
}
