import { slugField } from 'payload'
import type { RowField } from 'payload'

import { slugify } from './slugify'

/** Payload's slug field (unique, indexed, generated from a field until edited), with our slugify. */
export const slug = (useAsSlug = 'title'): RowField =>
  slugField({
    useAsSlug,
    slugify: ({ valueToSlugify }) =>
      slugify(typeof valueToSlugify === 'string' ? valueToSlugify : undefined),
  })
