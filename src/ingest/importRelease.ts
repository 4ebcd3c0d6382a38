import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { createLocalReq } from 'payload'
import type { CollectionSlug, Payload, PayloadRequest, TypedUser } from 'payload'

import { beginAtomic, endAtomic } from '../db/atomic'
import { slugify } from '../fields/slugify'
import type { PERSON_KINDS } from '../collections/People'
import { block, document, heading, paragraph } from '../seed/lexical'
import type { LexicalNode } from '../seed/lexical'
import { toDocumentId } from './catalogue'
import { PHOTO_EXTENSIONS } from './importPhotos'
import { readPhotoMetadata } from './photoMetadata'
import type { EntityCollection, ReleaseUnderstanding } from './release/types'

type ID = number | string

export interface PhotoFile {
  data: Buffer
  name: string
  mimetype: string
}

export interface ImportReleaseOptions {
  /** The staff member importing: every write runs with their permissions. */
  user: TypedUser
  /** Files for the release's photo slots, by slot index. */
  photos?: Record<number, PhotoFile>
  locale?: string
}

export interface ImportReleaseResult {
  article: { id: ID; title: string; adminUrl: string }
  created: { people: ID[]; quotes: ID[]; photos: ID[] }
  matched: { people: ID[] }
  /** What the draft leaves to the editor: slots without a file, unattributed quotes. */
  notes: string[]
}

/** A release that cannot become a draft as given; `status` is the HTTP status to answer with. */
export class ImportError extends Error {
  readonly status: number
  constructor(message: string, status = 400) {
    super(message)
    this.name = 'ImportError'
    this.status = status
  }
}

/** The same release (same fingerprint) was imported before: its story is `article`. */
export class AlreadyImportedError extends ImportError {
  readonly article: { id: ID; title: string; adminUrl: string }
  constructor(article: AlreadyImportedError['article']) {
    super(`This release was already imported: article ${article.id}, "${article.title}"`, 409)
    this.name = 'AlreadyImportedError'
    this.article = article
  }
}

type PersonKind = (typeof PERSON_KINDS)[number]

/** The kind of a new person, from their role as the release gives it. */
export function kindFromRole(role: string | null): PersonKind {
  if (!role) return 'other'
  if (/\bdrivers?\b|\bco-driver\b|\bpilot\b/i.test(role)) return 'driver'
  if (/engineer/i.test(role)) return 'engineer'
  if (/\b(steward|race director|official|clerk of the course)\b/i.test(role)) return 'official'
  if (/\b(team principal|team manager|crew chief|mechanic)\b/i.test(role)) return 'team-staff'
  if (
    /\b(president|vice president|ceo|chief|director|chair(man|woman)?|head|manager|owner|founder)\b/i.test(
      role,
    )
  )
    return 'executive'
  return 'other'
}

const blockId = () => randomBytes(12).toString('hex')

/** Checks what can be checked before anything is written, so a bad request writes nothing. */
async function checkPhotoFiles(
  understanding: ReleaseUnderstanding,
  photos: ImportReleaseOptions['photos'],
) {
  const checked = new Map<number, { file: PhotoFile; credit?: string; alt?: string }>()
  for (const [key, file] of Object.entries(photos ?? {})) {
    const index = Number(key)
    const slot = understanding.photoSlots[index]
    if (!Number.isInteger(index) || !slot)
      throw new ImportError(
        `There is no photo slot ${key}: the release has ${understanding.photoSlots.length}`,
      )
    const mimetype = PHOTO_EXTENSIONS[path.extname(file.name).toLowerCase()]
    if (!mimetype)
      throw new ImportError(
        `Photo for slot ${index} ("${file.name}") must be a JPEG, PNG, WebP or AVIF file`,
        415,
      )
    const meta = await readPhotoMetadata(file.data)
    const fileCredit = meta.creditLine || meta.creator
    const credit = fileCredit ? undefined : slot.credit || undefined
    if (!fileCredit && !credit)
      throw new ImportError(
        `Photo for slot ${index} ("${file.name}") has no credit, neither in the file nor in the release`,
      )
    const alt = meta.headline || meta.caption ? undefined : slot.caption || undefined
    if (!meta.headline && !meta.caption && !alt)
      throw new ImportError(
        `Photo for slot ${index} ("${file.name}") has no caption to use as alt text, neither in the file nor in the release`,
      )
    checked.set(index, { file: { ...file, mimetype }, credit, alt })
  }
  return checked
}

/** The files Payload wrote for a photo (original and renditions), for cleanup after a rollback. */
function photoFiles(photo: { filename?: string | null; sizes?: unknown }): string[] {
  const sizes = Object.values((photo.sizes ?? {}) as Record<string, { filename?: string | null }>)
  return [photo.filename, ...sizes.map((size) => size?.filename)].filter(
    (name): name is string => !!name,
  )
}

/**
 * Turns an understood press release into a DRAFT article with everything it needs, as one unit:
 * the speakers who are not yet people, the quotes (drafts), the photos for slots that have a file,
 * and the article whose body holds paragraphs, headings, photo and quote blocks in place, with its
 * championship relations suggested from the entities found.
 *
 * One transaction on every database (src/db/atomic.ts; `req` passed to every call), so a failure
 * or a killed process leaves none of it. Only MongoDB without a replica set has no transactions:
 * there a failure is undone by deleting what was created, newest first. Files a photo upload wrote
 * to disk are removed too: Payload writes them before the row, and a rollback does not take them
 * back.
 *
 * A release is recognised by its fingerprint (its text): importing one whose story exists already
 * throws AlreadyImportedError naming that story, and writes nothing. A release changed in any way
 * is another release and becomes a new draft; the notes then name the story of the same headline.
 */
export async function importRelease(
  payload: Payload,
  understanding: ReleaseUnderstanding,
  options: ImportReleaseOptions,
): Promise<ImportReleaseResult> {
  const photoInputs = await checkPhotoFiles(understanding, options.photos)
  const createdPhotographers: ID[] = []
  const req: PayloadRequest = await createLocalReq(
    {
      user: options.user,
      locale: options.locale,
      context: { onPhotographerCreated: (id: ID) => createdPhotographers.push(id) },
    },
    payload,
  )
  const as = { req, user: options.user, overrideAccess: false, depth: 0 } as const
  const undo: { collection: CollectionSlug; id: ID }[] = []
  const writtenFiles: string[] = []
  const created: ImportReleaseResult['created'] = { people: [], quotes: [], photos: [] }
  const matched: ID[] = []
  const notes: string[] = []
  const transactional = await beginAtomic(req)
  try {
    const earlier = await payload.find({
      collection: 'articles',
      where: { releaseFingerprint: { equals: understanding.fingerprint } },
      select: { title: true },
      limit: 1,
      draft: true,
      overrideAccess: true,
      req,
    })
    if (earlier.docs[0]) throw new AlreadyImportedError(articleRef(payload, earlier.docs[0]))

    // 1. Speakers: a known person by the catalogue's match or by folded name, else a new person.
    // By index, not by object: an understanding may have been through JSON (a dry run's preview).
    const speakerIds: ID[] = []
    for (const speaker of understanding.speakers) {
      let id: ID | undefined = speaker.personId
        ? toDocumentId(payload, 'people', speaker.personId)
        : undefined
      if (id === undefined) {
        const slug = slugify(speaker.name)
        const { docs } = slug
          ? await payload.find({
              collection: 'people',
              where: { slug: { equals: slug } },
              limit: 1,
              ...as,
            })
          : { docs: [] }
        id = docs[0]?.id
      }
      if (id !== undefined) {
        if (!matched.some((known) => String(known) === String(id))) matched.push(id)
      } else {
        const person = await payload.create({
          collection: 'people',
          data: {
            name: speaker.name,
            kind: kindFromRole(speaker.role),
            organisation: speaker.organisation ?? undefined,
          } as never,
          ...as,
        })
        id = person.id
        created.people.push(id)
        undo.push({ collection: 'people', id })
      }
      speakerIds.push(id)
    }

    // 2. Photos for the slots that have a file: the file's own metadata first, the release's next.
    const slotPhotos = new Map<number, ID>()
    for (const [index, { file, credit, alt }] of photoInputs) {
      const photo = await payload.create({
        collection: 'photos',
        data: {
          ...(alt ? { alt } : {}),
          ...(credit ? { creditOverride: credit } : {}),
        } as never,
        file: { ...file, size: file.data.length },
        ...as,
      })
      writtenFiles.push(...photoFiles(photo))
      slotPhotos.set(index, photo.id)
      created.photos.push(photo.id)
      undo.push({ collection: 'photos', id: photo.id })
    }

    // 3. Quotes, as drafts: they belong to a story nobody has published yet.
    const entity = (collection: EntityCollection) =>
      understanding.entities
        .filter((found) => found.collection === collection)
        .map((found) => toDocumentId(payload, collection, found.id))
        .filter((id, at, all) => all.findIndex((other) => String(other) === String(id)) === at)
    const event = entity('events')[0]
    const quoteIds = new Map<number, ID>()
    for (const [index, quote] of understanding.quotes.entries()) {
      const speaker = quote.speakerIndex !== null ? speakerIds[quote.speakerIndex] : undefined
      if (speaker === undefined) continue
      const doc = await payload.create({
        collection: 'quotes',
        data: {
          text: quote.text,
          speaker,
          role: understanding.speakers[quote.speakerIndex!]?.role ?? undefined,
          organisation: understanding.speakers[quote.speakerIndex!]?.organisation ?? undefined,
          event,
          _status: 'draft',
        } as never,
        draft: true,
        ...as,
      })
      quoteIds.set(index, doc.id)
      created.quotes.push(doc.id)
      undo.push({ collection: 'quotes', id: doc.id })
    }

    // 4. The body, in the release's order. A slot without a file keeps its caption and credit on
    // the draft (photosToAdd), so the credit is never lost on the way to the upload.
    const body: LexicalNode[] = []
    const photosToAdd: { caption?: string; credit?: string; filename?: string }[] = []
    for (const item of understanding.body) {
      if (item.type === 'paragraph') body.push(paragraph(item.text))
      else if (item.type === 'heading') body.push(heading(item.text))
      else if (item.type === 'quote') {
        const id = quoteIds.get(item.quote)
        const quote = understanding.quotes[item.quote]
        if (id !== undefined) body.push(block(blockId(), 'quote', { quote: id }))
        else if (quote) {
          // Without a speaker there is no quote document (its speaker is required): the words stay.
          body.push(paragraph(`“${quote.text}”${item.lead ? ` ${item.lead}` : ''}`))
          notes.push(`Quote without a speaker kept as text: “${quote.text.slice(0, 60)}…”`)
        }
      } else if (item.type === 'photo') {
        const id = slotPhotos.get(item.slot)
        const slot = understanding.photoSlots[item.slot]
        if (id !== undefined)
          body.push(
            block(blockId(), 'photo', {
              photo: id,
              ...(slot?.caption ? { captionOverride: slot.caption } : {}),
            }),
          )
        else {
          photosToAdd.push({
            caption: slot?.caption ?? undefined,
            credit: slot?.credit ?? undefined,
            filename: slot?.filename ?? undefined,
          })
          notes.push(
            `Photo slot ${item.slot}${slot?.filename ? ` (${slot.filename})` : ''} has no file: it is listed under "Photos to add" with its caption and credit`,
          )
        }
      }
    }

    // 5. The draft itself, with its suggested relations.
    const drivers = entity('people').length
      ? (
          await payload.find({
            collection: 'people',
            where: {
              and: [{ id: { in: entity('people') } }, { kind: { equals: 'driver' } }],
            },
            pagination: false,
            ...as,
          })
        ).docs.map((person) => person.id)
      : []
    const season = event
      ? ((await payload.findByID({ collection: 'events', id: event, ...as })).season ?? undefined)
      : undefined
    const title = understanding.headline?.trim() || 'Imported press release'
    if (!understanding.headline) notes.push('The release has no headline: write one')
    const base = slugify(title) ?? 'press-release'
    const slug = await freeSlug(payload, req, base)
    if (slug !== base)
      notes.push(
        `A story with this headline exists already (slug "${base}"): this draft is a separate story. If the release was sent again with changes, compare the two.`,
      )
    const article = await payload.create({
      collection: 'articles',
      data: {
        title,
        // Slugs are unique and the same release may be imported twice (or share a headline with
        // a story): the importer picks a free one, which then stays put like a hand-set slug.
        slug,
        generateSlug: false,
        standfirst: understanding.subheadline ?? undefined,
        dateline: understanding.dateline?.place ?? undefined,
        body: document(body),
        event,
        season,
        series: entity('series'),
        classes: entity('classes'),
        entries: entity('entries'),
        teams: entity('teams'),
        manufacturers: entity('manufacturers'),
        drivers,
        photosToAdd,
        releaseFingerprint: understanding.fingerprint,
        _status: 'draft',
      } as never,
      draft: true,
      ...as,
    })
    undo.push({ collection: 'articles', id: article.id })
    if (transactional) await endAtomic(req, true)
    return {
      article: articleRef(payload, { id: article.id, title }),
      created,
      matched: { people: matched },
      notes,
    }
  } catch (error) {
    if (transactional) {
      await endAtomic(req, false)
      await Promise.all(
        writtenFiles.map((name) =>
          fs.rm(path.join(payload.collections.photos.config.upload.staticDir!, name), {
            force: true,
          }),
        ),
      )
    } else {
      await undoCreated(payload, [
        ...createdPhotographers.map((id) => ({ collection: 'photographers' as const, id })),
        ...undo,
      ])
    }
    throw error
  }
}

const articleRef = (payload: Payload, article: { id: ID; title?: string | null }) => ({
  id: article.id,
  title: article.title ?? '',
  adminUrl: `${payload.config.routes.admin}/collections/articles/${article.id}`,
})

/** `base`, or `base-2`, `base-3`... whichever no article has yet. */
async function freeSlug(payload: Payload, req: PayloadRequest, base: string): Promise<string> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { slug: { like: base } },
    select: { slug: true },
    pagination: false,
    overrideAccess: true,
    req,
  })
  const taken = new Set(docs.map((doc) => doc.slug))
  let candidate = base
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}-${n}`
  return candidate
}

/** Deletes what an import created, newest first; deleting a photo removes its files too. */
async function undoCreated(payload: Payload, created: { collection: CollectionSlug; id: ID }[]) {
  for (const { collection, id } of [...created].reverse()) {
    try {
      await payload.delete({ collection, id, overrideAccess: true })
    } catch (error) {
      payload.logger.error({
        err: error,
        msg: `import rollback: could not delete ${collection} ${id}`,
      })
    }
  }
}
