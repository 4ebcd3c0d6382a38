import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '../../../payload-types'

/** The first publication sets the story's date unless the editor chose one. */
export const stampPublishedAt: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  if (data._status !== 'published' || data.publishedAt || originalDoc?.publishedAt) return data
  return { ...data, publishedAt: new Date().toISOString() }
}
