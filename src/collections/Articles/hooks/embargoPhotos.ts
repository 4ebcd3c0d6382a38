import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import type { Article } from '../../../payload-types'

type ID = number | string

const ids = (values: Article['photos'] | undefined): ID[] =>
  (values ?? []).map((value) => (typeof value === 'object' ? value.id : value))

/**
 * A photo is embargoed until the latest embargo among the stories that use it, unless a story
 * that already shows it publicly uses it too (then it is public anyway). Stories are read as
 * stored, i.e. as last published (drafts do not count until they are published).
 */
export async function recomputePhotoEmbargo(
  req: PayloadRequest,
  photo: ID,
  now = Date.now(),
): Promise<void> {
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { photos: { equals: photo } },
    select: { _status: true, embargoUntil: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const lifted = (doc: Pick<Article, 'embargoUntil'>) =>
    !doc.embargoUntil || Date.parse(doc.embargoUntil) <= now
  const shownPublicly = docs.some((doc) => doc._status === 'published' && lifted(doc))
  const pending = docs.filter((doc) => !lifted(doc)).map((doc) => Date.parse(doc.embargoUntil!))
  const embargoUntil =
    shownPublicly || pending.length === 0 ? null : new Date(Math.max(...pending)).toISOString()

  const current = await req.payload.findByID({
    collection: 'photos',
    id: photo,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  if (!current) return
  const same =
    (current.embargoUntil ? Date.parse(current.embargoUntil) : null) ===
    (embargoUntil ? Date.parse(embargoUntil) : null)
  if (same) return
  await req.payload.update({
    collection: 'photos',
    id: photo,
    data: { embargoUntil },
    depth: 0,
    overrideAccess: true,
    req,
  })
}

export const embargoPhotos: CollectionAfterChangeHook<Article> = async ({
  doc,
  previousDoc,
  req,
}) => {
  const touched = new Map<string, ID>()
  for (const id of [...ids(previousDoc?.photos), ...ids(doc.photos)]) touched.set(String(id), id)
  for (const id of touched.values()) await recomputePhotoEmbargo(req, id)
  return doc
}
