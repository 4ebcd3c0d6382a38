import type { CollectionSlug, Payload, PayloadRequest, TypedUser, Where } from 'payload'

import type {
  Article,
  Circuit,
  Entry,
  Event,
  Person,
  Photo,
  Photographer,
  Quote,
  Result,
  Title,
} from '../payload-types'
import { bodyReferences, idOf, idsOf, resultsTablesOf } from '../content/references'
import type { ResultsTableReference } from '../content/references'
import { noteShown } from '../content/relations'
import { documentKey, eventResultsKey, storyKey } from '../publishing/keys'
import { DEFAULT_TABLE_ROWS } from '../blocks/ResultsTable/config'
import {
  SESSION_RESULTS_BOUND,
  classificationOrder,
  selectionWhere,
  tableSize,
} from '../blocks/ResultsTable/selection'
import type { ResultsSelection } from '../blocks/ResultsTable/selection'
import { normaliseSession } from '../content/sessions'
import { eventResultsUrl } from './paths'
import { DocumentReads, hasLocalizedFields } from './reads'
import type { AnyDoc } from './reads'
import { quoteAttribution, renderBody } from './render/body'
import type {
  DeliveredArticle,
  DeliveredEntry,
  DeliveredEvent,
  DeliveredPerson,
  DeliveredPhoto,
  DeliveredQuote,
  DeliveredResult,
  DeliveredResultsTable,
  DeliveredTiming,
  DeliveredTitle,
  Ref,
  Rendition,
} from './types'

/** Who is reading: decides what the Local API lets through (access control stays on). */
export interface Reader {
  audience: 'public' | 'embargoed'
  /** The API client, for Payload's access functions; absent for anonymous readers. */
  user?: TypedUser
}

export interface ModelContext {
  payload: Payload
  reader: Reader
  locale: string
  serverUrl: string
  storyUrl: string
  /**
   * A draft preview: the latest drafts of the story and of what it shows, read with the
   * preview link as the only authority (it names one story and was signed for staff).
   */
  preview?: boolean
  /**
   * The request every read joins (the writing transaction, when the store renders inside it): a
   * request of the renderer's own, never the writer's, since the Local API takes it over.
   */
  req?: Partial<PayloadRequest>
  /** Render as of this moment (ISO): what is embargoed until then is left out (visibleAt). */
  asOf?: string
  /**
   * The documents already read for this reader (and moment) by the same render, in any locale:
   * a story rendered in every locale reads what is the same in all of them once.
   */
  documents?: DocumentReads
}

const PHOTO_SIZES = ['thumbnail', 'card', 'large', 'social'] as const

/** What decides which documents a read returns: who reads, in which locale, as of when. */
type ReadContext = Pick<ModelContext, 'reader' | 'locale' | 'preview' | 'req' | 'asOf'>

/** Every read goes through access control as the reader, in the reader's locale. */
export function readOptions(ctx: ReadContext) {
  return {
    overrideAccess: ctx.preview === true,
    user: ctx.reader.user,
    locale: ctx.locale as 'en',
    fallbackLocale: 'en' as const,
    draft: ctx.preview === true,
    ...(ctx.req ? { req: ctx.req } : {}),
    ...(ctx.asOf ? { context: { deliveryAsOf: ctx.asOf } } : {}),
  }
}

/** Documents read by ID at depth 0 as the context's reader, for one render in any locale. */
export function documentReads(
  ctx: Omit<ReadContext, 'locale'> & Pick<ModelContext, 'payload'>,
): DocumentReads {
  return new DocumentReads(
    async (collection, ids, locale) => {
      const { docs } = await ctx.payload.find({
        collection: collection as CollectionSlug,
        where: { id: { in: ids } },
        depth: 0,
        limit: ids.length,
        pagination: false,
        // A request object per read: the Local API sets the locale and user on the one it gets.
        ...readOptions({ ...ctx, locale, ...(ctx.req ? { req: { ...ctx.req } } : {}) }),
      })
      return docs as unknown as AnyDoc[]
    },
    (collection) => hasLocalizedFields(ctx.payload, collection),
  )
}

/** The documents a context reads: those of its render when it shares them, else its own. */
const readsOf = (ctx: ModelContext): DocumentReads => ctx.documents ?? documentReads(ctx)

const ref = (doc: unknown, name = 'name'): Ref | null => {
  if (!doc || typeof doc !== 'object') return null
  const value = doc as Record<string, unknown>
  return {
    id: String(value.id),
    name: String(value[name] ?? value.name ?? value.label ?? ''),
    ...(typeof value.slug === 'string' ? { slug: value.slug } : {}),
  }
}

const refs = (docs: unknown): Ref[] =>
  Array.isArray(docs) ? docs.map((doc) => ref(doc)).filter((r): r is Ref => r !== null) : []

const absolute = (serverUrl: string, url: string | null | undefined): string =>
  !url ? '' : /^https?:\/\//.test(url) ? url : `${serverUrl}${url}`

function person(doc: unknown): DeliveredPerson | null {
  if (!doc || typeof doc !== 'object') return null
  const value = doc as Person
  return {
    id: String(value.id),
    name: value.name,
    slug: value.slug ?? null,
    kind: value.kind ?? null,
    nationality: value.nationality ?? null,
    organisation: value.organisation ?? null,
  }
}

function photo(doc: Photo, serverUrl: string, captionOverride?: string | null): DeliveredPhoto {
  const renditions: Rendition[] = [
    {
      name: 'original',
      url: absolute(serverUrl, doc.url),
      width: doc.width ?? 0,
      height: doc.height ?? 0,
      mimeType: doc.mimeType ?? 'image/jpeg',
      bytes: doc.filesize ?? null,
    },
  ]
  for (const name of PHOTO_SIZES) {
    const size = doc.sizes?.[name]
    if (size?.url && size.width && size.height)
      renditions.push({
        name,
        url: absolute(serverUrl, size.url),
        width: size.width,
        height: size.height,
        mimeType: size.mimeType ?? doc.mimeType ?? 'image/jpeg',
        bytes: size.filesize ?? null,
      })
  }
  const photographer = doc.photographer as Photographer | number | null | undefined
  return {
    id: String(doc.id),
    alt: doc.alt,
    caption: captionOverride?.trim() || doc.caption || null,
    headline: doc.headline ?? null,
    creditLine: doc.creditLine ?? '',
    photographer: typeof photographer === 'object' ? ref(photographer) : null,
    copyrightNotice: doc.copyrightNotice ?? null,
    licenseUrl: doc.licenseUrl ?? null,
    takenAt: doc.takenAt ?? null,
    keywords: doc.keywords ?? [],
    peopleShown: refs(doc.peopleShown),
    renditions,
  }
}

function quote(doc: Quote): DeliveredQuote | null {
  const speaker = person(doc.speaker)
  if (!speaker) return null
  const attributed = { speaker, role: doc.role ?? null, organisation: doc.organisation ?? null }
  return {
    id: String(doc.id),
    text: doc.text,
    ...attributed,
    entry: doc.entry ?? null,
    attribution: quoteAttribution(attributed),
  }
}

function entry(doc: unknown): DeliveredEntry | null {
  if (!doc || typeof doc !== 'object') return null
  const value = doc as Entry
  return {
    id: String(value.id),
    label: value.label ?? '',
    carNumber: value.carNumber ?? null,
    team: ref(value.team),
    manufacturer: ref(value.manufacturer),
    model: value.model ?? null,
    class: ref(value.class),
    drivers: refs(value.drivers),
  }
}

/** A stored session as the results endpoint takes it (stored ones are normalised already). */
const sessionKey = (session: string | null | undefined): string =>
  normaliseSession(session) ?? 'race'

const slugOf = (doc: unknown): string | null => {
  const slug = doc && typeof doc === 'object' ? (doc as { slug?: unknown }).slug : undefined
  return typeof slug === 'string' && slug ? slug : null
}

const timing = (
  text: string | null | undefined,
  ms: number | null | undefined,
  laps?: number | null,
): DeliveredTiming | null => (text ? { text, ms: ms ?? null, laps: laps ?? null } : null)

export function result(doc: Result, serverUrl: string): DeliveredResult {
  const eventSlug = slugOf(doc.event)
  const delivered = entry(doc.entry)
  return {
    kind: 'result',
    id: String(doc.id),
    label: doc.label ?? '',
    event: ref(doc.event),
    session: doc.session ?? null,
    classification: doc.classification,
    positionOverall: doc.positionOverall ?? null,
    positionInClass: doc.positionInClass ?? null,
    laps: doc.laps ?? null,
    entry: delivered,
    class: ref(doc.class) ?? delivered?.class ?? null,
    finality: doc.finality && doc.finality !== 'unknown' ? doc.finality : null,
    totalTime: timing(doc.totalTime, doc.totalTimeMs),
    gapFirst: timing(doc.gapFirst, doc.gapFirstMs, doc.gapFirstLaps),
    gapPrevious: timing(doc.gapPrevious, doc.gapPreviousMs, doc.gapPreviousLaps),
    fastestLap: doc.fastestLap?.time
      ? {
          lap: doc.fastestLap.lap ?? null,
          time: doc.fastestLap.time,
          ms: doc.fastestLap.timeMs ?? null,
          kph: doc.fastestLap.kph ?? null,
        }
      : null,
    resultsUrl: eventSlug ? eventResultsUrl(serverUrl, eventSlug, sessionKey(doc.session)) : null,
  }
}

function title(doc: Title): DeliveredTitle {
  return {
    kind: 'title',
    id: String(doc.id),
    label: doc.label ?? '',
    name: doc.name,
    season: ref(doc.season),
    class: ref(doc.class),
    titleKind: doc.kind ?? null,
    winnerEntry: entry(doc.winnerEntry),
    winnerPeople: refs(doc.winnerPeople),
    winnerTeam: ref(doc.winnerTeam),
    winnerManufacturer: ref(doc.winnerManufacturer),
  }
}

export function event(doc: AnyDoc | undefined, serverUrl: string): DeliveredEvent | null {
  if (!doc) return null
  const value = doc as unknown as Event
  const circuit = value.circuit as Circuit | number | null | undefined
  return {
    id: String(value.id),
    name: value.name,
    slug: value.slug ?? null,
    resultsUrl: value.slug ? eventResultsUrl(serverUrl, value.slug) : null,
    round: value.round ?? null,
    startDate: value.startDate ?? null,
    raceDate: value.raceDate ?? null,
    circuit:
      circuit && typeof circuit === 'object'
        ? {
            id: String(circuit.id),
            name: circuit.name,
            slug: circuit.slug ?? null,
            locality: circuit.locality ?? null,
            region: circuit.region ?? null,
            country: circuit.country ?? null,
          }
        : null,
  }
}

/** Whether a document's own embargo still stands at the moment this context renders for. */
const underEmbargo = (ctx: ModelContext) => {
  const now = ctx.asOf ? Date.parse(ctx.asOf) : Date.now()
  return (doc: unknown): boolean => {
    const until = (doc as { embargoUntil?: unknown } | undefined)?.embargoUntil
    return typeof until === 'string' && Date.parse(until) > now
  }
}

/** Session results that include a row under embargo (seen only by a trusted reader). */
const withEmbargoedRows = new WeakSet<DeliveredResult[]>()

/** A session's results as this reader may see them, best first (all of them: no top N). */
export async function sessionResults(
  ctx: ModelContext,
  selection: ResultsSelection,
  reads = readsOf(ctx),
): Promise<DeliveredResult[]> {
  const { docs } = await ctx.payload.find({
    collection: 'results',
    where: selectionWhere(selection),
    depth: 0,
    limit: SESSION_RESULTS_BOUND,
    pagination: false,
    ...readOptions(ctx),
  })
  await reads.populate(new Map([['results', docs as unknown as AnyDoc[]]]), ctx.locale)
  const ordered = classificationOrder(
    (docs as Result[]).map((doc) => result(doc, ctx.serverUrl)),
    selection.class !== undefined,
  )
  if (docs.some(underEmbargo(ctx))) withEmbargoedRows.add(ordered)
  return ordered
}

const selectionKey = (table: ResultsSelection) =>
  JSON.stringify([String(table.event), table.session, table.class ?? null])

/**
 * The classifications the body's results tables show, one query per distinct table, each row
 * read as the reader: a draft or embargoed result is left out, never leaked.
 */
async function resultsTables(
  ctx: ModelContext,
  reads: DocumentReads,
  tables: ResultsTableReference[],
): Promise<{
  tableOf: (table: ResultsTableReference) => DeliveredResultsTable | undefined
  /** Whether the rows a table shows include one under embargo. */
  showsEmbargoed: (table: ResultsTableReference) => boolean
}> {
  const distinct = new Map<string, ResultsTableReference>()
  for (const table of tables) distinct.set(selectionKey(table), table)
  const [events, classes, rows] = await Promise.all([
    reads.get(
      'events',
      tables.map((table) => String(table.event)),
      ctx.locale,
    ),
    reads.get(
      'classes',
      tables.flatMap((table) => (table.class !== undefined ? [String(table.class)] : [])),
      ctx.locale,
    ),
    Promise.all(
      [...distinct].map(
        async ([key, table]) => [key, await sessionResults(ctx, table, reads)] as const,
      ),
    ).then((found) => new Map(found)),
  ])
  const tableOf = (table: ResultsTableReference): DeliveredResultsTable | undefined => {
    const eventDoc = events.get(String(table.event))
    const eventRef = ref(eventDoc)
    const classRef = table.class !== undefined ? ref(classes.get(String(table.class))) : null
    const results = (rows.get(selectionKey(table)) ?? []).slice(
      0,
      tableSize(table.top, DEFAULT_TABLE_ROWS),
    )
    if (!eventRef || !eventDoc?.slug || (table.class !== undefined && !classRef) || !results.length)
      return undefined
    return {
      event: eventRef,
      session: table.session,
      class: classRef,
      results,
      resultsUrl: eventResultsUrl(
        ctx.serverUrl,
        String(eventDoc.slug),
        table.session,
        classRef?.name,
      ),
    }
  }
  const showsEmbargoed = (table: ResultsTableReference): boolean => {
    const found = rows.get(selectionKey(table))
    return !!found && withEmbargoedRows.has(found)
  }
  return { tableOf, showsEmbargoed }
}

const shownBy = new WeakMap<DeliveredArticle, ReadonlySet<string>>()
const touchesEmbargo = new WeakSet<DeliveredArticle>()

/**
 * Whether a delivered story is, or shows something, under embargo at the moment it was rendered
 * for. A story that is not is the same for every reader allowed to see it: the delivery store
 * renders its public view only when it is (src/delivery/store/render.ts).
 */
export const touchedEmbargo = (article: DeliveredArticle): boolean => touchesEmbargo.has(article)

/**
 * The keys of everything a delivered story was built from (src/publishing/keys.ts): the story
 * itself (`story:<publicId>`, `articles:<id>`) and every document it shows or points at, those
 * the reader was not allowed to see included (publishing one changes the view). Recorded by
 * `deliverArticles` while it builds the story, so the list is exact by construction; empty for a
 * model not built there.
 */
export function dependenciesOf(article: DeliveredArticle): ReadonlySet<string> {
  return shownBy.get(article) ?? new Set()
}

/**
 * Turns stored articles (depth 0) into what readers get, resolving everything they show in one
 * query per collection for the whole batch, as the reader: a draft quote or an embargoed photo
 * the reader may not see is left out, never leaked.
 */
export async function deliverArticles(
  ctx: ModelContext,
  articles: Article[],
): Promise<DeliveredArticle[]> {
  const reads = readsOf(ctx)
  const wanted = {
    photos: new Set<string>(),
    quotes: new Set<string>(),
    results: new Set<string>(),
    titles: new Set<string>(),
    people: new Set<string>(),
    series: new Set<string>(),
    seasons: new Set<string>(),
    events: new Set<string>(),
    classes: new Set<string>(),
    entries: new Set<string>(),
    teams: new Set<string>(),
    manufacturers: new Set<string>(),
  }
  const add = (set: Set<string>, values: unknown) => idsOf(values).forEach((id) => set.add(id))
  for (const article of articles) {
    const body = bodyReferences(article.body)
    add(wanted.photos, [article.heroPhoto, ...body.photos, ...idsOf(article.photos)])
    add(wanted.quotes, body.quotes)
    add(wanted.results, [...idsOf(article.results), ...body.results])
    add(wanted.titles, [...idsOf(article.titles), ...body.titles])
    add(wanted.people, [...idsOf(article.authors), ...idsOf(article.drivers)])
    add(wanted.series, article.series)
    add(wanted.seasons, article.season)
    add(wanted.events, article.event)
    add(wanted.classes, article.classes)
    add(wanted.entries, article.entries)
    add(wanted.teams, article.teams)
    add(wanted.manufacturers, article.manufacturers)
  }
  const get = (collection: keyof typeof wanted) =>
    reads.get(collection, wanted[collection], ctx.locale)
  const [
    photos,
    quotes,
    results,
    titles,
    people,
    series,
    seasons,
    events,
    classes,
    entries,
    teams,
    manufacturers,
    { tableOf, showsEmbargoed: tableShowsEmbargoed },
  ] = await Promise.all([
    get('photos'),
    get('quotes'),
    get('results'),
    get('titles'),
    get('people'),
    get('series'),
    get('seasons'),
    get('events'),
    get('classes'),
    get('entries'),
    get('teams'),
    get('manufacturers'),
    resultsTables(
      ctx,
      reads,
      articles.flatMap((article) => resultsTablesOf(article.body)),
    ),
  ])
  // What they show in turn (a photo's photographer, a result's entry and its team…).
  await reads.populate(
    new Map(
      Object.entries({ photos, quotes, results, titles, events, entries }).map(
        ([collection, docs]) => [collection, [...docs.values()]],
      ),
    ),
    ctx.locale,
  )

  const photoOf = (id: string, captionOverride?: string | null) => {
    const doc = photos.get(id)
    return doc ? photo(doc as unknown as Photo, ctx.serverUrl, captionOverride) : undefined
  }
  const quoteOf = (id: string) => {
    const doc = quotes.get(id)
    return doc ? (quote(doc as unknown as Quote) ?? undefined) : undefined
  }
  const factOf = (collection: string, id: string) => {
    if (collection === 'results') {
      const doc = results.get(id)
      return doc ? result(doc as unknown as Result, ctx.serverUrl) : undefined
    }
    const doc = collection === 'titles' ? titles.get(id) : undefined
    return doc ? title(doc as unknown as Title) : undefined
  }
  const pick = <T>(map: Map<string, AnyDoc>, values: unknown, as: (doc: AnyDoc) => T | null): T[] =>
    idsOf(values)
      .map((id) => map.get(id))
      .filter((doc): doc is AnyDoc => !!doc)
      .map(as)
      .filter((value): value is T => value !== null)

  const fetched: Record<string, Map<string, AnyDoc>> = {
    photos,
    quotes,
    results,
    titles,
    people,
    series,
    seasons,
    events,
    classes,
    entries,
    teams,
    manufacturers,
  }
  /** What one story points at, each document followed to what it shows in turn. */
  const dependencies = (article: Article): Set<string> => {
    const shown = new Set([storyKey(article.publicId ?? String(article.id))])
    shown.add(documentKey('articles', article.id))
    const body = bodyReferences(article.body)
    const pointed: Record<string, unknown[]> = {
      photos: [article.heroPhoto, ...body.photos, ...idsOf(article.photos)],
      quotes: body.quotes,
      results: [...idsOf(article.results), ...body.results],
      titles: [...idsOf(article.titles), ...body.titles],
      people: [...idsOf(article.authors), ...idsOf(article.drivers)],
      series: idsOf(article.series),
      seasons: idsOf(article.season),
      events: idsOf(article.event),
      classes: idsOf(article.classes),
      entries: idsOf(article.entries),
      teams: idsOf(article.teams),
      manufacturers: idsOf(article.manufacturers),
    }
    for (const [collection, values] of Object.entries(pointed))
      for (const id of idsOf(values))
        noteShown(shown, collection, fetched[collection]?.get(id) ?? id)
    for (const table of resultsTablesOf(article.body)) {
      shown.add(eventResultsKey(String(table.event)))
      noteShown(shown, 'events', table.event)
      if (table.class !== undefined) noteShown(shown, 'classes', table.class)
    }
    return shown
  }

  const embargoed = underEmbargo(ctx)
  /** Whether the story shows a document under its own embargo now (a photo, quote, result…). */
  const showsEmbargoed = (article: Article): boolean => {
    const body = bodyReferences(article.body)
    const held = (map: Map<string, AnyDoc>, values: unknown[]) =>
      idsOf(values).some((id) => embargoed(map.get(id)))
    return (
      held(photos, [article.heroPhoto, ...body.photos, ...idsOf(article.photos)]) ||
      held(quotes, body.quotes) ||
      held(results, [...idsOf(article.results), ...body.results]) ||
      held(titles, [...idsOf(article.titles), ...body.titles]) ||
      resultsTablesOf(article.body).some(tableShowsEmbargoed)
    )
  }

  return articles.map((article) => {
    const delivered = deliverArticle(article)
    shownBy.set(delivered, dependencies(article))
    if (embargoed(article) || showsEmbargoed(article)) touchesEmbargo.add(delivered)
    return delivered
  })

  function deliverArticle(article: Article): DeliveredArticle {
    const { blocks, html } = renderBody(article.body, {
      photo: photoOf,
      quote: quoteOf,
      fact: factOf,
      resultsTable: tableOf,
    })
    const heroPhoto = photoOf(idOf(article.heroPhoto) ?? '') ?? null
    const shown = new Map<string, DeliveredPhoto>()
    if (heroPhoto) shown.set(heroPhoto.id, heroPhoto)
    for (const block of blocks)
      if (block.type === 'photo' && !shown.has(block.photo.id))
        shown.set(block.photo.id, block.photo)
    // `photos` (kept by the collectPhotos hook) lists them too, for lists read without the body.
    for (const id of idsOf(article.photos)) {
      const shownPhoto = shown.has(id) ? undefined : photoOf(id)
      if (shownPhoto) shown.set(id, shownPhoto)
    }
    const now = ctx.asOf ? Date.parse(ctx.asOf) : Date.now()
    const embargo = article.embargoUntil && Date.parse(article.embargoUntil) > now
    return {
      id: String(article.id),
      // A MongoDB document stored before the field existed: its ObjectId, which MongoDB never
      // gives to another document and which its next save stores as its publicId.
      publicId: article.publicId ?? String(article.id),
      slug: article.slug ?? String(article.id),
      locale: ctx.locale,
      url: ctx.storyUrl.replace('{slug}', encodeURIComponent(article.slug ?? String(article.id))),
      title: article.title,
      standfirst: article.standfirst ?? null,
      seoDescription: article.seoDescription ?? null,
      dateline: article.dateline ?? null,
      publishedAt: article.publishedAt ?? article.createdAt,
      updatedAt: modifiedAt(article),
      embargoUntil: embargo && ctx.reader.audience === 'embargoed' ? article.embargoUntil! : null,
      authors: pick(people, article.authors, person),
      tags: article.tags ?? [],
      heroPhoto,
      photos: [...shown.values()],
      blocks,
      html,
      championship: {
        series: pick(series, article.series, (doc) => ref(doc)),
        season: pick(seasons, article.season, (doc) => ref(doc))[0] ?? null,
        event: pick(events, article.event, (doc) => event(doc, ctx.serverUrl))[0] ?? null,
        classes: pick(classes, article.classes, (doc) => ref(doc)),
        entries: pick(entries, article.entries, entry),
        teams: pick(teams, article.teams, (doc) => ref(doc)),
        manufacturers: pick(manufacturers, article.manufacturers, (doc) => ref(doc)),
        drivers: pick(people, article.drivers, person),
        results: pick(results, article.results, (doc) =>
          result(doc as unknown as Result, ctx.serverUrl),
        ),
        titles: pick(titles, article.titles, (doc) => title(doc as unknown as Title)),
      },
    }
  }
}

/** Saves this soon after a document was stored are part of storing it (the seed, an import). */
const STORING_MS = 60_000

/**
 * When readers last saw the story change: `updatedAt`, but never before its publication, and a
 * story stored after its own publication date (the demo story, a backdated import) is not changed
 * by being stored: its writes within a minute of its creation keep its publication date.
 */
export function modifiedAt(
  article: Pick<Article, 'publishedAt' | 'createdAt' | 'updatedAt'>,
): string {
  const published = Date.parse(article.publishedAt ?? article.createdAt)
  const created = Date.parse(article.createdAt)
  const updated = Date.parse(article.updatedAt)
  if (created > published && updated - created < STORING_MS)
    return article.publishedAt ?? article.createdAt
  return updated > published ? article.updatedAt : (article.publishedAt ?? article.createdAt)
}

/** Published and visible to this reader; access control adds the embargo rule. */
export const publishedWhere = (extra: Where[] = []): Where => ({
  and: [{ _status: { equals: 'published' } }, ...extra],
})

export async function findArticleBySlug(
  ctx: ModelContext,
  slug: string,
): Promise<DeliveredArticle | null> {
  const { docs } = await ctx.payload.find({
    collection: 'articles',
    where: publishedWhere([{ slug: { equals: slug } }]),
    depth: 0,
    limit: 1,
    pagination: false,
    ...readOptions(ctx),
  })
  if (!docs.length) return null
  const [article] = await deliverArticles(ctx, docs as Article[])
  return article ?? null
}
