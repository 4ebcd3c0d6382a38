import { slugField } from 'payload'
import type { RowField } from 'payload'

import { SLUG_MAX_LENGTH, slugify } from './slugify'

/**
 * Payload's slug field (unique, indexed, generated from a field until edited), with our slugify.
 * Not `required`: it is always generated from a required field, and a required slug would force
 * every GraphQL client to invent one (`slug: String!` in the input types). A slug sent longer than
 * SLUG_MAX_LENGTH is refused (src/collections/inputChecks.ts checks it before it is slugified),
 * rather than silently cut.
 */
export const slug = (useAsSlug = 'title'): RowField =>
  slugField({
    useAsSlug,
    required: false,
    slugify: ({ valueToSlugify }) =>
      slugify(typeof valueToSlugify === 'string' ? valueToSlugify : undefined),
    overrides: (row) => ({
      ...row,
      fields: row.fields.map((field) =>
        field.type === 'text' ? { ...field, maxLength: SLUG_MAX_LENGTH } : field,
      ),
    }),
  })
