import { createHash } from 'node:crypto'
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose'
import type { Endpoint, PayloadRequest } from 'payload'

import { isStaffUser } from '../../../access/roles'
import { env } from '../../../config/env'
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

/** Anyone holding a valid link: the latest draft of that one article, as REST would return it. */
export const readPreview: Endpoint = {
  path: '/preview/:token',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const token = String(req.routeParams?.token ?? '')
    let id: string
    try {
      const { payload: claims } = await jwtVerify(token, previewKey(req.payload.secret), {
        audience: AUDIENCE,
        algorithms: ['HS256'],
      })
      id = String(claims.sub)
    } catch (cause) {
      if (cause instanceof joseErrors.JWTExpired)
        return errorResponse('The preview link has expired', 401)
      return errorResponse('The preview link is not valid', 401)
    }
    const depth = Math.min(Number(req.searchParams.get('depth') ?? 2) || 0, 3)
    const article = await req.payload.findByID({
      collection: 'articles',
      id,
      draft: true,
      depth,
      locale: req.locale,
      overrideAccess: true,
      req,
      disableErrors: true,
    })
    if (!article) return errorResponse('The previewed article no longer exists', 404)
    return json(article)
  },
}
