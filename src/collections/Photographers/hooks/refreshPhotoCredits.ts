import type { CollectionAfterChangeHook } from 'payload'

import type { Photographer } from '../../../payload-types'

/**
 * Photos store their credit line so it can be searched and served without a join; when a
 * photographer's name, agency or default credit changes, re-save their photos to re-derive it.
 */
export const refreshPhotoCredits: CollectionAfterChangeHook<Photographer> = async ({
  doc,
  operation,
  previousDoc,
  req,
}) => {
  if (operation !== 'update') return doc
  const unchanged =
    doc.name === previousDoc?.name &&
    doc.agency === previousDoc?.agency &&
    doc.defaultCreditLine === previousDoc?.defaultCreditLine
  if (unchanged) return doc
  const { docs } = await req.payload.find({
    collection: 'photos',
    where: { photographer: { equals: doc.id } },
    depth: 0,
    limit: 0,
    pagination: false,
    req,
  })
  for (const photo of docs) {
    await req.payload.update({ collection: 'photos', id: photo.id, data: {}, depth: 0, req })
  }
  return doc
}
