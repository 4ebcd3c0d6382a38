import { ValidationError } from 'payload'
import type { CollectionBeforeChangeHook } from 'payload'

import type { Photo, Photographer } from '../../../payload-types'
import { creditLine } from '../credit'

// IDs are numbers on SQL adapters and strings on MongoDB.
type RelationValue = Photographer | number | string | null | undefined

async function loadPhotographer(
  value: RelationValue,
  req: Parameters<CollectionBeforeChangeHook>[0]['req'],
) {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return value
  return req.payload.findByID({
    collection: 'photographers',
    id: value,
    depth: 0,
    req,
    disableErrors: true,
  })
}

/**
 * A photo is never stored without a credit: the line is derived from its photographer unless the
 * editor overrides it, and a photo with neither is refused.
 */
export const populateCreditLine: CollectionBeforeChangeHook<Photo> = async ({
  data,
  originalDoc,
  req,
}) => {
  const photographerValue = (
    data.photographer !== undefined ? data.photographer : originalDoc?.photographer
  ) as RelationValue
  const override =
    data.creditOverride !== undefined ? data.creditOverride : originalDoc?.creditOverride
  const photographer = await loadPhotographer(photographerValue, req)
  const line = creditLine(photographer, override)
  if (!line) {
    throw new ValidationError({
      collection: 'photos',
      errors: [{ message: 'A photo needs a photographer or a credit line', path: 'photographer' }],
    })
  }
  return { ...data, creditLine: line }
}
