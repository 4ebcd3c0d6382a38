import { createHash } from 'node:crypto'
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose'
import type { Endpoint, PayloadRequest } from 'payload'

import { isStaffUser } from '../../../access/roles'
import { env } from '../../../config/env'
import { deliverDraft } from '../../../delivery/preview'
import { DeliveryError, parseLocale } from '../../../delivery/query'
import { previewPage, PREVIEW_CONTENT_SECURITY_POLICY } from '../../../delivery/render/previewPage'
import { articleResponse } from '../../../delivery/responses'
import { draftForUser, errorResponse } from './shared'

const AUDIENCE = 'article-preview'

/** A key of its own for preview links, derived from the secret, so they can sign nothing else. */
const previewKey = (secret: string) =>
  createHash('sha256').update(`${secret}:article-preview`).digest()

const json = (body: unknown, status = 200) => Response.json(body, { status })

export async function signPreviewToken(
  secret: string,
  id: number | string,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: string }> {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000)
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(id))
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(previewKey(secret))
  return { token, expiresAt: expiresAt.toISOString() }
}

/** Staff: a signed, expiring link with which a downstream site fetches this draft, no login needed. */
export const createPreviewLink: Endpoint = {
  path: '/:id/preview-link',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    if (!isStaffUser(req.user)) return errorResponse('Only staff can create preview links', 403)
    const id = req.routeParams?.id as string
    const article = await draftForUser(req)
    if (!article) return errorResponse(`No article with ID ${id}`, 404)
    const { previewTtlSeconds, serverUrl } = env()
    const { token, expiresAt } = await signPreviewToken(
      req.payload.secret,
      article.id,
      previewTtlSeconds,
    )
    return json({ url: `${serverUrl}/api/articles/preview/${token}`, token, expiresAt }, 201)
  },
}

type PreviewFormat = 'json' | 'html'

/**
 * `?format=` wins; without it a browser (its Accept prefers text/html to JSON) gets the page
 * and everything else the JSON. Parameters the route does not take are ignored, as on the
 * delivery API.
 */
function previewQuery(req: PayloadRequest): { locale: string; format: PreviewFormat } {
  const params = req.searchParams
  const query: Record<string, string | string[]> = {}
  for (const name of ['locale', 'format']) {
    const values = params.getAll(name)
    if (values.length) query[name] = values.length === 1 ? values[0]! : values
  }
  const locale = parseLocale(query)
  const format = query.format
  if (format === undefined)
    return { locale, format: prefersHtml(req.headers.get('accept')) ? 'html' : 'json' }
  if (format !== 'json' && format !== 'html')
    throw new DeliveryError(400, '"format" must be json or html', 'format')
  return { locale, format }
}

/** The q-value an Accept header gives a media type (0 when it is not acceptable at all). */
function quality(accept: string, type: string): number {
  let best = -1
  let q = 0
  for (const part of accept.split(',')) {
    const [range, ...params] = part.trim().toLowerCase().split(';')
    const specificity =
      range === type ? 2 : range === `${type.split('/')[0]}/*` ? 1 : range === '*/*' ? 0 : -1
    if (specificity <= best) continue
    best = specificity
    const given = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    q = given ? Number(given.slice(2)) || 0 : 1
  }
  return q
}

export const prefersHtml = (accept: string | null): boolean =>
  !!accept && quality(accept, 'text/html') > quality(accept, 'application/json')

/** Never cached, never indexed, and the token in the URL never sent on as a Referer. */
const PRIVATE_HEADERS = {
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'no-referrer',
  Vary: 'Accept',
}

/**
 * Anyone holding a valid link: the latest draft of that one story exactly as the delivery API
 * would deliver it once published (the same model and renderers), as JSON or as a page. Nothing
 * else: no user records, no editorial fields.
 */
export const readPreview: Endpoint = {
  path: '/preview/:token',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const token = String(req.routeParams?.token ?? '')
    let id: string
    let expiresAt: string
    try {
      const { payload: claims } = await jwtVerify(token, previewKey(req.payload.secret), {
        audience: AUDIENCE,
        algorithms: ['HS256'],
      })
      id = String(claims.sub)
      expiresAt = new Date((claims.exp ?? 0) * 1000).toISOString()
    } catch (cause) {
      if (cause instanceof joseErrors.JWTExpired)
        return errorResponse('The preview link has expired', 401)
      return errorResponse('The preview link is not valid', 401)
    }
    let query: { locale: string; format: PreviewFormat }
    try {
      query = previewQuery(req)
    } catch (error) {
      if (error instanceof DeliveryError) return errorResponse(error.message, error.status)
      throw error
    }
    const settings = env()
    const article = await deliverDraft(
      {
        payload: req.payload,
        reader: { audience: 'embargoed' },
        locale: query.locale,
        serverUrl: settings.serverUrl,
        storyUrl: settings.storyUrl,
        preview: true,
      },
      id,
    )
    if (!article) return errorResponse('The previewed article no longer exists', 404)
    if (query.format === 'html')
      return new Response(previewPage(article, { expiresAt }), {
        headers: {
          ...PRIVATE_HEADERS,
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': PREVIEW_CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      })
    return Response.json(articleResponse(article, settings.publisherName), {
      headers: PRIVATE_HEADERS,
    })
  },
}

/** `/preview/` with the token missing: a reader's mistake, not a document called "preview". */
export const previewWithoutToken: Endpoint = {
  path: '/preview',
  method: 'get',
  handler: async () =>
    errorResponse('The preview link has no token: use the whole URL you were given', 400),
}
