import type { CollectionConfig } from 'payload'

import { env } from '../../config/env'
import { signPreviewToken } from './endpoints/preview'

/**
 * The admin's Preview button (`admin.preview`): the draft as a readable page, through a freshly
 * signed preview link. The address is relative, so it opens on whatever address the admin is on.
 */
type GeneratePreviewURL = NonNullable<NonNullable<CollectionConfig['admin']>['preview']>

export const previewUrl: GeneratePreviewURL = async (doc, { locale, req }) => {
  const id = doc.id
  if (typeof id !== 'string' && typeof id !== 'number') return null
  const { token } = await signPreviewToken(req.payload.secret, id, env().previewTtlSeconds)
  const query = new URLSearchParams({ format: 'html' })
  if (locale && locale !== 'all') query.set('locale', locale)
  return `/api/articles/preview/${token}?${query}`
}
