import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '../../../payload-types'
import { photosOfStory } from '../../../content/references'

/**
 * Keeps `photos` (hidden) equal to the photos the story shows, so "which stories use this photo"
 * is one indexed query: for embargoes now, for cache invalidation and webhooks later.
 */
export const collectPhotos: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  const hero = data.heroPhoto !== undefined ? data.heroPhoto : originalDoc?.heroPhoto
  const body = data.body !== undefined ? data.body : originalDoc?.body
  return { ...data, photos: photosOfStory(hero, body) as Article['photos'] }
}
