import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import type { Payload, PayloadRequest, TypedUser } from 'payload'

import type { Article } from '../../payload-types'
import type { Audience } from '../../publishing/affected'
import { env } from '../../config/env'
import {
  deliverArticles,
  dependenciesOf,
  publishedWhere,
  documentReads,
  readOptions,
  touchedEmbargo,
} from '../model'
import type { ModelContext, Reader } from '../model'
import type { DocumentReads } from '../reads'
import { LOCALES } from '../query'
import { articleRendered } from '../responses'
import type { DeliveredArticle } from '../types'
import type { DependencyRow, ViewRow } from './rows'

/**
 * Stamped on every stored view. Raise it whenever what a render produces changes (the delivered
 * model, its HTML, its keys): views made by another version are rendered again at the next start,
 * so a deploy with new HTML never serves the old one for long.
 */
export const RENDERER_VERSION = 3

/**
 * The renderer's version and the settings that rendered views depend on (absolute URLs of
 * stories and photos, the publisher named in JSON-LD): views with another stamp were made by an
 * older deploy or under other settings (a new STORY_URL), and are rendered again.
 */
export function rendererStamp(): string {
  // Compared on every read of a stored row; the settings are read once per process.
  if (stamp === undefined) {
    const { serverUrl, storyUrl, publisherName } = env()
    const settings = createHash('sha256')
      .update(`${serverUrl}\n${storyUrl}\n${publisherName}`)
      .digest('base64url')
    stamp = `${RENDERER_VERSION}:${settings.slice(0, 16)}`
  }
  return stamp
}

let stamp: string | undefined

/**
 * Who the embargoed views are rendered for: an API client trusted with embargoes, as the access
 * rules know one (src/access/roles.ts). Never stored, never sent: it only decides what the
 * Local API lets through.
 */
const TRUSTED: Reader = {
  audience: 'embargoed',
  user: {
    id: 'delivery-store',
    collection: 'api-clients',
    enabled: true,
    scopes: ['read_published', 'read_embargoed'],
  } as unknown as TypedUser,
}

const PUBLIC: Reader = { audience: 'public' }

/** Ids padded so that they sort as numbers when compared as text (ObjectIds are fixed-length). */
const sortableId = (id: string) => (/^\d+$/.test(id) ? id.padStart(20, '0') : id)

/** The order of lists: newest publication first, then highest id (the cursor's order too). */
export const sortKeyOf = (publishedAt: string, id: string) =>
  `${new Date(publishedAt).toISOString()}|${sortableId(id)}`

/** One token of a story's `filters`: what a list filter must find in it. */
export const filterToken = (name: string, value: string | number) => `|${name}:${value}|`

export interface Rendered {
  views: ViewRow[]
  dependencies: DependencyRow[]
}

interface Pass {
  payload: Payload
  ids: string[]
  locale: string
  reader: Reader
  /** The writing request whose transaction the reads join; undefined outside one. */
  transaction?: Partial<PayloadRequest>
  asOf?: string
  /** What this reader's passes of the same render (other locales) have read already. */
  documents: DocumentReads
}

/**
 * A request of the renderer's own in the writing request's transaction (none outside one): the
 * Local API sets its user, locale and context on the request it gets, never the writer's.
 */
const ownRequest = (transaction?: Partial<PayloadRequest>) =>
  transaction?.transactionID ? { req: { transactionID: transaction.transactionID } } : {}

/** The published stories among `ids` as one reader sees them, each with its stored row. */
async function renderPass({ payload, ids, locale, reader, transaction, asOf, documents }: Pass) {
  const settings = env()
  const ctx: ModelContext = {
    payload,
    reader,
    locale,
    serverUrl: settings.serverUrl,
    storyUrl: settings.storyUrl,
    ...ownRequest(transaction),
    ...(asOf ? { asOf } : {}),
    documents,
  }
  const { docs } = await payload.find({
    collection: 'articles',
    where: publishedWhere([{ id: { in: ids } }]),
    depth: 0,
    limit: ids.length,
    pagination: false,
    ...readOptions(ctx),
  })
  const articles = docs as Article[]
  const delivered = await deliverArticles(ctx, articles)
  return delivered.map((article, at) => ({ article, source: articles[at]! }))
}

/**
 * The years of the seasons the stories name, for the `season` list filter, added to `years`
 * (which holds those read for another locale already).
 */
async function seasonYears(
  payload: Payload,
  articles: DeliveredArticle[],
  years: Map<string, number>,
  transaction?: Partial<PayloadRequest>,
): Promise<void> {
  const ids = [
    ...new Set(articles.flatMap((a) => (a.championship.season ? [a.championship.season.id] : []))),
  ].filter((id) => !years.has(id))
  if (!ids.length) return
  const { docs } = await payload.find({
    collection: 'seasons',
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    pagination: false,
    select: { year: true },
    overrideAccess: true,
    ...ownRequest(transaction),
  })
  for (const doc of docs) years.set(String(doc.id), doc.year)
}

function filtersOf(article: DeliveredArticle, years: Map<string, number>): string {
  const { championship } = article
  const tokens: string[] = []
  const slugs = (name: string, refs: { slug?: string | null }[]) => {
    for (const ref of refs) if (ref.slug) tokens.push(`${name}:${ref.slug}`)
  }
  slugs('series', championship.series)
  slugs('event', championship.event ? [championship.event] : [])
  slugs('team', championship.teams)
  slugs('driver', championship.drivers)
  const year = championship.season ? years.get(championship.season.id) : undefined
  if (year !== undefined) tokens.push(`season:${year}`)
  for (const tag of article.tags) tokens.push(`tag:${tag}`)
  return tokens.length ? `|${tokens.join('|')}|` : ''
}

/** The finished response of a view, as stored beside it. */
function storedResponse(article: DeliveredArticle, publisherName: string) {
  const { body, etag } = articleRendered(article, publisherName)
  return {
    response: body.toString(),
    etag,
    gzipped: gzipSync(body).toString('base64'),
    embargoUntil: article.embargoUntil ? new Date(article.embargoUntil).toISOString() : '',
  }
}

/**
 * Renders every view of the given stories: each locale, for the public and for trusted clients.
 * The public view of a story under embargo is rendered as of its lift (what is embargoed past
 * then stays out), stored with `visibleFrom`: the lift is a time filter on the stored row, not a
 * render. A story not published (any more) has no views. Reads join `transaction` when given, so
 * the views match the change being committed.
 */
export async function renderViews(
  payload: Payload,
  storyIds: string[],
  transaction?: Partial<PayloadRequest>,
): Promise<Rendered> {
  const ids = [...new Set(storyIds)]
  const views: ViewRow[] = []
  const dependencies = new Map<string, DependencyRow>()
  if (!ids.length) return { views, dependencies: [] }
  const now = new Date().toISOString()
  const stamp = rendererStamp()
  const { publisherName } = env()
  const add = (
    { article, source }: { article: DeliveredArticle; source: Article },
    locale: string,
    audience: Audience,
    years: Map<string, number>,
    visibleFrom = '',
  ) => {
    const keys = [...dependenciesOf(article)]
    for (const key of keys)
      dependencies.set(`${article.id}\u0000${key}`, {
        key,
        story: article.id,
        publicId: article.publicId,
      })
    views.push({
      view: `${article.id}|${locale}|${audience}`,
      story: article.id,
      publicId: article.publicId,
      slug: article.slug,
      locale,
      audience,
      sortKey: sortKeyOf(article.publishedAt, article.id),
      visibleFrom,
      filters: filtersOf(article, years),
      sourceUpdatedAt: new Date(source.updatedAt).toISOString(),
      renderer: stamp,
      stale: false,
      keys: JSON.stringify(keys),
      ...storedResponse(article, publisherName),
    })
  }
  // One set of reads per reader and moment, shared by the locales: what is the same in every
  // locale (people, teams, results…) is read once.
  const reads = new Map<string, DocumentReads>()
  const readsFor = (reader: Reader, asOf?: string) => {
    const key = `${reader.audience}|${asOf ?? ''}`
    let found = reads.get(key)
    if (!found)
      reads.set(
        key,
        (found = documentReads({
          payload,
          reader,
          ...ownRequest(transaction),
          ...(asOf ? { asOf } : {}),
        })),
      )
    return found
  }
  const years = new Map<string, number>()
  for (const locale of LOCALES) {
    const trusted = await renderPass({
      payload,
      ids,
      locale,
      reader: TRUSTED,
      transaction,
      documents: readsFor(TRUSTED),
    })
    await seasonYears(
      payload,
      trusted.map(({ article }) => article),
      years,
      transaction,
    )
    // A story that neither is nor shows anything under embargo looks the same to the public:
    // its public view is the trusted one. The others are rendered for the public, those under
    // embargo themselves as of their own lift.
    const open: string[] = []
    const lifts = new Map<string, string[]>()
    for (const rendered of trusted) {
      add(rendered, locale, 'embargoed', years)
      const { article, source } = rendered
      if (!touchedEmbargo(article)) add(rendered, locale, 'public', years)
      else if (source.embargoUntil && Date.parse(source.embargoUntil) > Date.parse(now)) {
        const at = new Date(source.embargoUntil).toISOString()
        lifts.set(at, [...(lifts.get(at) ?? []), String(source.id)])
      } else open.push(String(source.id))
    }
    const passes: { ids: string[]; asOf?: string }[] = [
      { ids: open },
      ...[...lifts].map(([asOf, held]) => ({ ids: held, asOf })),
    ]
    for (const pass of passes) {
      if (!pass.ids.length) continue
      const rendered = await renderPass({
        payload,
        ids: pass.ids,
        locale,
        reader: PUBLIC,
        transaction,
        asOf: pass.asOf,
        documents: readsFor(PUBLIC, pass.asOf),
      })
      for (const story of rendered) add(story, locale, 'public', years, pass.asOf ?? '')
    }
  }
  return { views, dependencies: [...dependencies.values()] }
}
