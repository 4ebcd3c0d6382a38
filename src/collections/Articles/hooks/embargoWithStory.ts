import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  PayloadRequest,
  Where,
} from 'payload'

import type { Article } from '../../../payload-types'
import { bodyReferences, rawIdOf } from '../../../content/references'
import type { ID } from '../../../content/references'
import { publicationStateBefore } from '../../../publishing/state'

/** What a story shows and carries an embargo for, and the story field that lists each. */
export const SHOWN = {
  photos: 'photos',
  quotes: 'quotesShown',
  results: 'resultsShown',
  titles: 'titlesShown',
} as const
export type Shown = keyof typeof SHOWN

type Story = Pick<Article, '_status' | 'embargoUntil'>

/**
 * When may readers see something stories show? As soon as the first published story showing it
 * may be seen: now if one already is (no embargo, or lifted), else at the earliest embargo among
 * them. Shown by unpublished stories only, it keeps the latest embargo any of them still carries
 * (so it does not go out before a story that is being prepared or was pulled). Null: no embargo.
 * Stories are read as stored, i.e. as last published.
 */
export function derivedEmbargo(stories: Story[], now = Date.now()): string | null {
  const pending = (story: Story) =>
    story.embargoUntil && Date.parse(story.embargoUntil) > now
      ? Date.parse(story.embargoUntil)
      : null
  const published = stories.filter((story) => story._status === 'published')
  if (published.some((story) => pending(story) === null)) return null
  const times = (published.length ? published : stories)
    .map(pending)
    .filter((time): time is number => time !== null)
  if (!times.length) return null
  return new Date(published.length ? Math.min(...times) : Math.max(...times)).toISOString()
}

const sameTime = (a: string | null | undefined, b: string | null | undefined) =>
  (a ? Date.parse(a) : null) === (b ? Date.parse(b) : null)

/**
 * The stories showing a document that decide its embargo, at most three however many show it (a
 * title or a result can be shown by thousands): a published story that readers may see now, the
 * published one whose embargo lifts first, and the one whose embargo lifts last. `derivedEmbargo`
 * gives the same answer for them as for all the stories, and "is any published" too.
 */
async function deciding(req: PayloadRequest, collection: Shown, id: ID, now: number) {
  const shows = { [SHOWN[collection]]: { equals: id } }
  const time = new Date(now).toISOString()
  const pending = { embargoUntil: { greater_than: time } }
  const notPending = {
    or: [
      { embargoUntil: { exists: false } },
      { embargoUntil: { equals: null } },
      { embargoUntil: { less_than_equal: time } },
    ],
  }
  const published = { _status: { equals: 'published' } }
  const one = async (where: Where[], sort?: string) =>
    (
      await req.payload.find({
        collection: 'articles',
        where: { and: [shows, ...where] },
        select: { _status: true, embargoUntil: true },
        sort,
        depth: 0,
        limit: 1,
        pagination: false,
        overrideAccess: true,
        req,
      })
    ).docs
  // One after another: a MongoDB transaction takes one operation at a time.
  const open = await one([published, notPending])
  const firstLift = await one([published, pending], 'embargoUntil')
  const lastLift = await one([pending], '-embargoUntil')
  return [...open, ...firstLift, ...lastLift]
}

/**
 * Stores the embargo `derivedEmbargo` gives for one photo, quote, result or title. A quote,
 * result or title that was published with an embargoed story and is no longer shown by any
 * published story before that embargo lifted (the story was pulled) is unpublished with it: it
 * was never released.
 */
export async function recomputeEmbargo(
  req: PayloadRequest,
  collection: Shown,
  id: ID,
  now = Date.now(),
): Promise<void> {
  const docs = await deciding(req, collection, id, now)
  const embargoUntil = derivedEmbargo(docs, now)
  const current = (await req.payload.findByID({
    collection,
    id,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })) as { embargoUntil?: string | null; _status?: string | null } | null
  if (!current) return
  const withdrawn =
    collection !== 'photos' &&
    current._status === 'published' &&
    !!current.embargoUntil &&
    Date.parse(current.embargoUntil) > now &&
    !docs.some((doc) => doc._status === 'published')
  if (sameTime(current.embargoUntil, embargoUntil) && !withdrawn) return
  await req.payload.update({
    collection,
    id,
    data: { embargoUntil, ...(withdrawn ? { _status: 'draft' } : {}) },
    depth: 0,
    overrideAccess: true,
    req,
  })
}

const rawIds = (values: unknown): ID[] =>
  (Array.isArray(values) ? values : []).map(rawIdOf).filter((id): id is ID => id !== undefined)

const shownBy = (doc: Partial<Article> | undefined): Record<Shown, ID[]> => ({
  photos: rawIds(doc?.photos),
  quotes: rawIds(doc?.quotesShown),
  results: rawIds(doc?.resultsShown),
  titles: rawIds(doc?.titlesShown),
})

/**
 * Keeps the hidden `quotesShown`, `resultsShown` and `titlesShown` equal to what the story shows
 * (its body's quote and fact blocks, and the results and titles it is about), so "which stories
 * show this quote" is one indexed query, as `photos` is for photos (collectPhotos).
 */
export const collectShown: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  const pick = <K extends keyof Article>(key: K) =>
    data[key] !== undefined ? data[key] : originalDoc?.[key]
  const body = bodyReferences(pick('body'))
  const once = (values: unknown[]) => {
    const seen = new Map<string, ID>()
    for (const id of rawIds(values)) seen.set(String(id), id)
    return [...seen.values()]
  }
  return {
    ...data,
    quotesShown: once(body.quotes) as Article['quotesShown'],
    resultsShown: once([...body.results, ...rawIds(pick('results'))]) as Article['resultsShown'],
    titlesShown: once([...body.titles, ...rawIds(pick('titles'))]) as Article['titlesShown'],
  }
}

/**
 * The documents whose embargo a story's save may change. What `derivedEmbargo` answers for a
 * document depends on the stories showing it and on their state (`_status`, `embargoUntil`), and
 * on the clock only in ways read access already applies (a time that passed is as good as none).
 * So a save that changes neither the story's state nor what it shows changes no embargo (a
 * correction of the standfirst, on a title every story of the season shows, reads nothing); one
 * that changes what it shows touches what it stopped or started showing; one that changes its
 * state touches everything it showed or shows.
 *
 * When the save publishes, "showed" includes what the published story showed (`publishedBefore`,
 * the main document before the save), not only the previous version: after a draft that dropped
 * a photo, `previousDoc` is that draft, and publishing it must still release the photo the
 * published story showed.
 */
export function embargoesToRecompute(
  previousDoc: Partial<Article> | undefined,
  doc: Partial<Article>,
  publishedBefore?: Partial<Article>,
): Record<Shown, ID[]> {
  const before = shownBy(previousDoc)
  // Only a publication replaces the published story; a draft save leaves it as it was.
  const published = shownBy(doc._status === 'published' ? publishedBefore : undefined)
  for (const collection of Object.keys(SHOWN) as Shown[])
    before[collection] = [...before[collection], ...published[collection]]
  const after = shownBy(doc)
  const stateChanged =
    !previousDoc ||
    previousDoc._status !== doc._status ||
    !sameTime(previousDoc.embargoUntil, doc.embargoUntil)
  const touched = {} as Record<Shown, ID[]>
  for (const collection of Object.keys(SHOWN) as Shown[]) {
    const was = new Map(before[collection].map((id) => [String(id), id]))
    const is = new Map(after[collection].map((id) => [String(id), id]))
    const ids = new Map<string, ID>()
    for (const [key, id] of [...was, ...is])
      if (stateChanged || was.has(key) !== is.has(key)) ids.set(key, id)
    touched[collection] = [...ids.values()]
  }
  return touched
}

/**
 * Whatever a story shows is embargoed with it, on every channel: read access compares the stored
 * time with the clock on every request, so the lift needs no write. Runs before publishWithStory,
 * so a draft quote is published already carrying its embargo.
 */
export const embargoWithStory: CollectionAfterChangeHook<Article> = async ({
  doc,
  operation,
  previousDoc,
  req,
}) => {
  const publishedBefore = publicationStateBefore(req, operation, 'articles', doc.id)?.content
  const touched = embargoesToRecompute(
    previousDoc,
    doc,
    publishedBefore as Partial<Article> | undefined,
  )
  for (const collection of Object.keys(SHOWN) as Shown[])
    for (const id of touched[collection]) await recomputeEmbargo(req, collection, id)
  return doc
}

/**
 * For a database written before stories listed what they show: fills `quotesShown`,
 * `resultsShown` and `titlesShown` of every stored story (no new version, no hooks), then derives
 * the embargo of everything they show. Called once, from the migration that added them.
 */
export async function backfillShownEmbargoes(req: PayloadRequest): Promise<void> {
  const { docs } = await req.payload.find({
    collection: 'articles',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { body: true, results: true, titles: true, photos: true },
    req,
  })
  const touched: Record<Shown, Map<string, ID>> = {
    photos: new Map(),
    quotes: new Map(),
    results: new Map(),
    titles: new Map(),
  }
  for (const doc of docs) {
    const shown = collectShown({ data: doc, originalDoc: doc } as never) as Partial<Article>
    await req.payload.db.updateOne({
      collection: 'articles',
      id: doc.id,
      data: {
        quotesShown: shown.quotesShown,
        resultsShown: shown.resultsShown,
        titlesShown: shown.titlesShown,
      },
      req,
      returning: false,
    })
    const all = shownBy({ ...shown, photos: doc.photos })
    for (const collection of Object.keys(SHOWN) as Shown[])
      for (const id of all[collection]) touched[collection].set(String(id), id)
  }
  for (const collection of Object.keys(SHOWN) as Shown[])
    for (const id of touched[collection].values()) await recomputeEmbargo(req, collection, id)
}
