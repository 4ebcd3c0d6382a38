import type { CollectionBeforeValidateHook, PayloadRequest } from 'payload'

import { slugify } from '../../../fields/slugify'
import { agencyFromCredit, readPhotoMetadata } from '../../../ingest/photoMetadata'
import type { Photo, Photographer } from '../../../payload-types'
import { creditLine } from '../credit'

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0)

/** The photographer with this name, however it is cased or accented, created when new. */
async function photographerFor(
  req: PayloadRequest,
  name: string,
  agency: string | undefined,
): Promise<Photographer> {
  const { docs } = await req.payload.find({
    collection: 'photographers',
    where: { nameKey: { equals: slugify(name) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (docs[0]) return docs[0]
  // The Local API's create sets req.file to its own upload (none here). The photo's file and
  // renditions are put back, for a storage adapter (S3) reads them after the photo is saved:
  // without this, a photo whose photographer was new was stored with no file in the bucket.
  const { file, payloadUploadSizes } = req
  const created = await req.payload
    .create({
      collection: 'photographers',
      data: { name, agency },
      depth: 0,
      overrideAccess: true,
      req,
    })
    .finally(() => {
      req.file = file
      req.payloadUploadSizes = payloadUploadSizes
    })
  // An import that must undo itself without a transaction (SQLite) learns what to delete.
  const onCreated = req.context.onPhotographerCreated
  if (typeof onCreated === 'function') onCreated(created.id)
  return created
}

async function peopleNamed(req: PayloadRequest, names: string[]) {
  const slugs = names.map(slugify).filter((slug): slug is string => !!slug)
  if (slugs.length === 0) return []
  const { docs } = await req.payload.find({
    collection: 'people',
    where: { slug: { in: slugs } },
    limit: slugs.length,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs.map((person) => person.id)
}

/**
 * An agency photo carries its credit, caption and people inside the file (IPTC/XMP/EXIF). On
 * upload they pre-fill whatever the editor left empty; anything the editor typed wins.
 */
export const prefillFromFile: CollectionBeforeValidateHook<Photo> = async ({ data, req }) => {
  const bytes = req.file?.data
  if (!data || !bytes) return data
  const meta = await readPhotoMetadata(bytes)
  const filled = { ...data }
  if (isEmpty(filled.caption) && meta.caption) filled.caption = meta.caption
  if (isEmpty(filled.headline) && meta.headline) filled.headline = meta.headline
  if (isEmpty(filled.keywords) && meta.keywords) filled.keywords = meta.keywords
  if (isEmpty(filled.alt) && (meta.headline || meta.caption))
    filled.alt = (meta.headline || meta.caption)!.slice(0, 300)
  if (isEmpty(filled.copyrightNotice) && meta.copyrightNotice)
    filled.copyrightNotice = meta.copyrightNotice
  if (isEmpty(filled.licenseUrl) && meta.licenseUrl) filled.licenseUrl = meta.licenseUrl
  if (isEmpty(filled.takenAt) && meta.takenAt) filled.takenAt = meta.takenAt
  if (isEmpty(filled.peopleShown) && meta.peopleShown) {
    const people = await peopleNamed(req, meta.peopleShown)
    if (people.length > 0) filled.peopleShown = people
  }
  if (isEmpty(filled.photographer) && isEmpty(filled.creditOverride)) {
    if (meta.creator) {
      const photographer = await photographerFor(
        req,
        meta.creator,
        agencyFromCredit(meta.creditLine, meta.creator),
      )
      filled.photographer = photographer.id
      // The file's own credit line wins over the one we would derive, when they differ.
      if (meta.creditLine && meta.creditLine !== creditLine(photographer))
        filled.creditOverride = meta.creditLine
    } else if (meta.creditLine) {
      filled.creditOverride = meta.creditLine
    }
  }
  return filled
}
