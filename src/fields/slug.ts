import { slugField } from 'payload'
import type { RowField } from 'payload'

import { slugify } from './slugify'

/**
 * Payload's slug field (unique, indexed, generated from a field until edited), with our slugify.
 * Not `required`: it is always generated from a required field, and a required slug would force
 * every GraphQL client to invent one (`slug: String!` in the input types).
 */
export const slug = (useAsSlug = 'title'): RowField =>
  slugField({
    useAsSlug,
    required: false,
    slugify: ({ valueToSlugify }) =>
      slugify(typeof valueToSlugify === 'string' ? valueToSlugify : undefined),
  })
