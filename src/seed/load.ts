import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import {
  demoArticle,
  demoCircuit,
  demoClass,
  demoEntry,
  demoEvent,
  demoManufacturers,
  demoPeople,
  demoPhotographers,
  demoPhotos,
  demoQuotes,
  demoResult,
  demoSeries,
  demoTeam,
  demoTitles,
} from './demo'
import type { DemoBodyItem } from './demo'
import { block, document, heading, paragraph } from './lexical'
import { renderDemoPhoto } from './photoFile'

type ID = number | string
type Data = Record<string, unknown>

interface UploadFile {
  data: Buffer
  mimetype: string
  name: string
  size: number
}

/**
 * Finds the document matching `where` and updates it, or creates it: running twice changes nothing.
 * The locale is named on every call: Payload's Local API stores a call's locale on the shared
 * `req`, so one Italian update would otherwise turn every later call Italian.
 */
async function upsert(
  req: PayloadRequest,
  collection: CollectionSlug,
  where: Where,
  data: Data,
  file?: () => Promise<UploadFile>,
): Promise<ID> {
  const { payload } = req
  const { docs } = await payload.find({
    collection,
    where,
    limit: 1,
    depth: 0,
    pagination: false,
    locale: 'en',
    req,
  })
  const existing = docs[0] as { id: ID } | undefined
  if (existing) {
    await payload.update({
      collection,
      id: existing.id,
      data: data as never,
      depth: 0,
      locale: 'en',
      req,
    })
    return existing.id
  }
  const created = await payload.create({
    collection,
    data: data as never,
    depth: 0,
    locale: 'en',
    req,
    file: file ? await file() : undefined,
  })
  return (created as { id: ID }).id
}

const byName = (name: string): Where => ({ name: { equals: name } })

async function loadDemo(req: PayloadRequest): Promise<ID> {
  const people: Record<string, ID> = {}
  for (const { key, ...person } of demoPeople)
    people[key] = await upsert(req, 'people', byName(person.name), person)

  const series = await upsert(req, 'series', byName(demoSeries.name), demoSeries)
  const season = await upsert(
    req,
    'seasons',
    { and: [{ series: { equals: series } }, { year: { equals: 2023 } }] },
    { series, year: 2023 },
  )
  const gtp = await upsert(req, 'classes', byName(demoClass.name), { ...demoClass, series })
  const circuit = await upsert(req, 'circuits', byName(demoCircuit.name), demoCircuit)
  const event = await upsert(
    req,
    'events',
    { and: [byName(demoEvent.name), { season: { equals: season } }] },
    { ...demoEvent, season, circuit },
  )
  const team = await upsert(req, 'teams', byName(demoTeam.name), demoTeam)
  const cadillac = await upsert(
    req,
    'manufacturers',
    byName(demoManufacturers.cadillac.name),
    demoManufacturers.cadillac,
  )
  const dallara = await upsert(
    req,
    'manufacturers',
    byName(demoManufacturers.dallara.name),
    demoManufacturers.dallara,
  )

  const drivers = demoEntry.drivers.map((key) => people[key])
  const entry = await upsert(
    req,
    'entries',
    { and: [{ carNumber: { equals: demoEntry.carNumber } }, { season: { equals: season } }] },
    {
      ...demoEntry,
      drivers,
      season,
      class: gtp,
      team,
      manufacturer: cadillac,
      chassisConstructor: dallara,
    },
  )
  const result = await upsert(
    req,
    'results',
    {
      and: [
        { event: { equals: event } },
        { entry: { equals: entry } },
        { session: { equals: demoResult.session } },
      ],
    },
    { ...demoResult, event, entry, _status: 'published' },
  )

  const titles: Record<string, ID> = {}
  for (const { key, name, kind, winners } of demoTitles) {
    titles[key] = await upsert(
      req,
      'titles',
      { and: [byName(name), { season: { equals: season } }] },
      {
        _status: 'published',
        name,
        kind,
        season,
        class: gtp,
        clinchedAt: event,
        winnerEntry: 'entry' in winners ? entry : null,
        winnerPeople: 'people' in winners ? drivers : [],
        winnerTeam: 'team' in winners ? team : null,
        winnerManufacturer: 'manufacturer' in winners ? cadillac : null,
      },
    )
  }

  const photographers: Record<string, ID> = {}
  for (const { key, ...photographer } of demoPhotographers) {
    photographers[key] = await upsert(req, 'photographers', byName(photographer.name), photographer)
  }

  const photos: Record<string, ID> = {}
  for (const photo of demoPhotos) {
    const photographer = demoPhotographers.find((p) => p.key === photo.photographer)!
    const data = {
      alt: photo.alt,
      caption: photo.caption,
      photographer: photographers[photo.photographer],
      peopleShown: drivers,
      entriesShown: [entry],
    }
    photos[photo.key] = await upsert(
      req,
      'photos',
      { filename: { equals: photo.filename } },
      data,
      async () => {
        const bytes = await renderDemoPhoto(
          {
            creator: photographer.name,
            creditLine: photo.creditLine,
            caption: photo.caption,
            peopleShown: ['Pipo Derani', 'Alexander Sims', 'Jack Aitken'],
          },
          photo.hue,
        )
        return { data: bytes, mimetype: 'image/jpeg', name: photo.filename, size: bytes.length }
      },
    )
    await req.payload.update({
      collection: 'photos',
      id: photos[photo.key],
      locale: 'it',
      data: { alt: photo.altIt },
      depth: 0,
      req,
    })
  }

  const quotes: Record<string, ID> = {}
  for (const { key, speaker, text, ...quote } of demoQuotes) {
    quotes[key] = await upsert(
      req,
      'quotes',
      { and: [{ speaker: { equals: people[speaker] } }, { text: { equals: text } }] },
      {
        ...quote,
        text,
        speaker: people[speaker],
        event,
      },
    )
  }

  const facts = {
    result: { relationTo: 'results', value: result },
    'drivers-title': { relationTo: 'titles', value: titles.drivers },
  }
  const body = document(
    demoArticle.body.map((item: DemoBodyItem, index) => {
      const id = `demo-block-${index}`
      if ('paragraph' in item) return paragraph(item.paragraph)
      if ('heading' in item) return heading(item.heading)
      if ('photo' in item) return block(id, 'photo', { photo: photos[item.photo] })
      if ('quote' in item) return block(id, 'quote', { quote: quotes[item.quote] })
      return block(id, 'fact', { fact: facts[item.fact] })
    }),
  )

  const article = await upsert(
    req,
    'articles',
    { slug: { equals: demoArticle.slug } },
    {
      _status: 'published',
      title: demoArticle.title,
      slug: demoArticle.slug,
      generateSlug: false,
      standfirst: demoArticle.standfirst,
      dateline: demoArticle.dateline,
      publishedAt: demoArticle.publishedAt,
      tags: demoArticle.tags,
      seoDescription: demoArticle.seoDescription,
      heroPhoto: photos.photo1,
      body,
      authors: [],
      series: [series],
      season,
      event,
      classes: [gtp],
      entries: [entry],
      teams: [team],
      manufacturers: [cadillac, dallara],
      drivers,
      results: [result],
      titles: Object.values(titles),
    },
  )
  await req.payload.update({
    collection: 'articles',
    id: article,
    locale: 'it',
    data: {
      _status: 'published',
      title: demoArticle.titleIt,
      standfirst: demoArticle.standfirstIt,
    },
    depth: 0,
    req,
  })
  for (const key of Object.keys(quotes)) {
    await req.payload.update({
      collection: 'quotes',
      id: quotes[key],
      data: { sourceArticle: article, _status: 'published' } as never,
      depth: 0,
      locale: 'en',
      req,
    })
  }
  return article
}

/**
 * Loads the demo story and everything it links to, in one transaction: a failure leaves nothing
 * half-written. Idempotent: documents are matched by natural keys (names, slug, file name).
 */
export async function seedDemo(payload: Payload): Promise<ID> {
  const req = await createLocalReq({ context: { seeding: true } }, payload)
  await initTransaction(req)
  try {
    const article = await loadDemo(req)
    await commitTransaction(req)
    return article
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

/** First start: seed when the database holds neither stories nor accounts. */
export async function seedIfEmpty(payload: Payload): Promise<boolean> {
  const [articles, users] = await Promise.all([
    payload.count({ collection: 'articles' }),
    payload.count({ collection: 'users' }),
  ])
  if (articles.totalDocs > 0 || users.totalDocs > 0) return false
  await seedDemo(payload)
  payload.logger.info('Loaded the demo story (Petit Le Mans 2023); set SEED_DEMO=false to skip it')
  return true
}
