import type { DeliveredArticle, DeliveredPhoto, Ref } from '../types'
import { articleTagUri, photoTagUri, rfc3339, summaryOf, unique } from './shared'
import type { Circuit, TagOptions } from './shared'

/**
 * IPTC ninjs 2.2 (https://iptc.org/standards/ninjs/), the JSON news item agencies and newsroom
 * systems exchange. The schema (tests/fixtures/standards/ninjs-schema_2.2.json) closes every object
 * (`unevaluatedProperties: false`), so only its own properties appear here.
 *
 * ninjs 2.2 has no `creditline`, `licenses` or `keywords` property. A photo's credit line goes in
 * `by` (nar:by, "a natural-language statement about the creator"), in `descriptions` with the role
 * `creditline`, and as the condition of use in `usageterms`; its licence URL goes in `rightsinfo.linkedrights`; the story's tags are
 * `subjects` with `rel: "keyword"`.
 */

export const NINJS_SCHEMA_URI = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#'

export interface NinjsOptions extends TagOptions {
  /**
   * The reader may see embargoed stories (API clients with the read_embargoed scope). Only then
   * does the item carry `embargoed`: to anyone else the embargo time is itself news.
   */
  trusted: boolean
  /**
   * The item's version (nar:version, a positive integer counting edits). Default: `updatedAt` in
   * whole seconds since the epoch, which grows with every saved change.
   */
  version?: number
}

interface Named {
  name: string
  rel?: string
  uri?: string
  literal?: string
}

interface Text {
  role?: string
  contenttype?: string
  value: string
}

interface Rendition {
  name: string
  href: string
  contenttype: string
  width?: number
  height?: number
}

interface Place extends Named {
  contactinfo?: {
    type: string
    address: { locality?: string; area?: string; country?: string }
  }[]
}

export interface NinjsItem {
  uri: string
  standard?: { name: 'ninjs'; version: '2.2'; schema: string }
  type: 'text' | 'picture'
  representationtype?: 'full' | 'partial'
  version?: string
  firstcreated?: string
  versioncreated?: string
  contentcreated?: string
  embargoed?: string
  pubstatus?: 'usable' | 'withheld' | 'canceled'
  language?: string
  slugline?: string
  located?: string
  by?: string
  copyrightnotice?: string
  usageterms?: string
  rightsinfo?: { linkedrights: string }
  headlines?: Text[]
  descriptions?: Text[]
  bodies?: (Text & { charcount?: number; wordcount?: number })[]
  people?: Named[]
  organisations?: Named[]
  places?: Place[]
  events?: Named[]
  subjects?: Named[]
  altids?: { role: string; value: string }[]
  renditions?: Rendition[]
  associations?: (NinjsItem & { name: string })[]
}

export function ninjs(article: DeliveredArticle, options: NinjsOptions): NinjsItem {
  const { championship } = article
  const summary = summaryOf(article)
  const quotes = article.blocks.flatMap((block) => (block.type === 'quote' ? [block.quote] : []))
  const event = championship.event
  const circuit = event?.circuit

  const item: NinjsItem = {
    uri: articleTagUri(article, options),
    standard: { name: 'ninjs', version: '2.2', schema: NINJS_SCHEMA_URI },
    type: 'text',
    representationtype: 'full',
    version: String(options.version ?? Math.floor(Date.parse(article.updatedAt) / 1000)),
    firstcreated: rfc3339(article.publishedAt),
    versioncreated: rfc3339(article.updatedAt),
    pubstatus: 'usable',
    language: article.locale,
    slugline: article.slug,
    headlines: [{ role: 'main', value: article.title }],
    bodies: [
      {
        role: 'main',
        contenttype: 'text/html',
        value: article.html,
        ...textCounts(article),
      },
    ],
    altids: [{ role: 'paddock', value: article.id }],
    renditions: [{ name: 'web', href: article.url, contenttype: 'text/html' }],
  }
  if (options.trusted && article.embargoUntil) item.embargoed = rfc3339(article.embargoUntil)
  if (summary) item.descriptions = [{ role: 'summary', contenttype: 'text/plain', value: summary }]
  if (article.dateline) item.located = article.dateline
  if (article.authors.length) item.by = article.authors.map((author) => author.name).join(', ')

  const people = uniqueBy(
    [
      ...championship.drivers.map((driver) => named(driver, 'driver')),
      ...quotes.map((quote) => named(quote.speaker, 'quoted')),
    ],
    (person) => `${person.name}|${person.rel}`,
  )
  if (people.length) item.people = people

  const organisations = [
    ...championship.teams.map((team) => named(team, 'team')),
    ...championship.manufacturers.map((maker) => named(maker, 'manufacturer')),
  ]
  if (organisations.length) item.organisations = organisations

  if (event) item.events = [named(event, 'race')]
  if (circuit) item.places = [venue(circuit)]

  const subjects = [
    ...championship.series.map((series) => named(series, 'series')),
    ...(championship.season ? [named(championship.season, 'season')] : []),
    ...championship.classes.map((racingClass) => named(racingClass, 'class')),
    ...unique(article.tags).map((tag) => ({ name: tag, rel: 'keyword' })),
  ]
  if (subjects.length) item.subjects = subjects

  const associations = article.photos.map((photo, index) =>
    picture(
      photo,
      article,
      index === 0 && article.heroPhoto?.id === photo.id ? 'hero' : `photo-${index + 1}`,
      options,
    ),
  )
  if (associations.length) item.associations = associations
  return item
}

function picture(
  photo: DeliveredPhoto,
  article: DeliveredArticle,
  name: string,
  options: NinjsOptions,
): NinjsItem & { name: string } {
  const item: NinjsItem & { name: string } = {
    name,
    uri: photoTagUri(photo, article.url, options),
    type: 'picture',
    by: photo.creditLine,
    usageterms: `Print the credit "${photo.creditLine}" with every use.${
      photo.licenseUrl ? ` Licence: ${photo.licenseUrl}` : ''
    }`,
    altids: [{ role: 'paddock', value: photo.id }],
  }
  if (photo.renditions.length) {
    item.renditions = photo.renditions.map((rendition) => ({
      name: rendition.name,
      href: rendition.url,
      contenttype: rendition.mimeType,
      width: rendition.width,
      height: rendition.height,
    }))
  }
  if (photo.copyrightNotice) item.copyrightnotice = photo.copyrightNotice
  if (photo.licenseUrl) item.rightsinfo = { linkedrights: photo.licenseUrl }
  if (photo.takenAt) item.contentcreated = rfc3339(photo.takenAt)
  if (photo.headline) item.headlines = [{ value: photo.headline }]
  const descriptions: Text[] = [
    ...(photo.caption
      ? [{ role: 'caption', contenttype: 'text/plain', value: photo.caption }]
      : []),
    ...(photo.alt ? [{ role: 'alt', contenttype: 'text/plain', value: photo.alt }] : []),
    // Where the issue and agencies' ninjs 1.x/3.x habits look for it: 2.2 has no creditline field.
    { role: 'creditline', contenttype: 'text/plain', value: photo.creditLine },
  ]
  if (descriptions.length) item.descriptions = descriptions
  const people = [
    ...(photo.photographer ? [named(photo.photographer, 'photographer')] : []),
    ...photo.peopleShown.map((person) => named(person, 'shown')),
  ]
  if (people.length) item.people = people
  if (photo.keywords.length) {
    item.subjects = unique(photo.keywords).map((keyword) => ({ name: keyword, rel: 'keyword' }))
  }
  return item
}

function named(ref: Ref, rel: string): Named {
  return { name: ref.name, rel, literal: ref.slug ?? ref.id }
}

function venue(circuit: Circuit): Place {
  const address = Object.fromEntries(
    Object.entries({
      locality: circuit.locality,
      area: circuit.region,
      country: circuit.country,
    }).filter(([, value]) => value),
  ) as { locality?: string; area?: string; country?: string }
  return {
    ...named(circuit, 'venue'),
    ...(Object.keys(address).length ? { contactinfo: [{ type: 'address', address }] } : {}),
  }
}

function textCounts(article: DeliveredArticle): { charcount: number; wordcount: number } {
  const text = article.blocks
    .flatMap((block) => {
      if (block.type === 'paragraph' || block.type === 'heading') return [block.text]
      if (block.type === 'list') return block.items.map((listItem) => listItem.text)
      if (block.type === 'quote') return [block.quote.text]
      return []
    })
    .join(' ')
  const words = text.split(/\s+/).filter(Boolean)
  return { charcount: [...text].length, wordcount: words.length }
}

function uniqueBy<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Set<string>()
  return values.filter((value) => {
    const k = key(value)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
