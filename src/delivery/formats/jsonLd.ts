import type { DeliveredArticle, DeliveredPhoto } from '../types'
import { originalRendition, summaryOf } from './shared'
import type { Circuit } from './shared'

/**
 * schema.org `NewsArticle` for search engines, following Google's Article and image-license
 * metadata guidance (https://developers.google.com/search/docs/appearance/structured-data/image-license-metadata):
 * every image an `ImageObject` with `contentUrl`, `creator`, `creditText`, `copyrightNotice`,
 * `license` and `acquireLicensePage`.
 */

export interface JsonLdOptions {
  publisher: { name: string; url?: string; logoUrl?: string }
  /**
   * Where a reader can license the photos (Google's `acquireLicensePage`). Photos carry no such
   * page of their own, so it is one publisher-wide page or nothing.
   */
  acquireLicensePage?: string
}

type Thing = { '@type': string; [key: string]: unknown }

export interface NewsArticleJsonLd {
  '@context': 'https://schema.org'
  '@type': 'NewsArticle'
  '@id': string
  [key: string]: unknown
}

export function jsonLd(article: DeliveredArticle, options: JsonLdOptions): NewsArticleJsonLd {
  const { championship } = article
  const event = championship.event
  const mentions: Thing[] = [
    ...championship.teams.map((team) => ({ '@type': 'SportsTeam', name: team.name })),
    ...championship.manufacturers.map((maker) => ({ '@type': 'Organization', name: maker.name })),
    ...championship.drivers.map((driver) => ({ '@type': 'Person', name: driver.name })),
  ]
  const about: Thing[] = [
    ...(event
      ? [
          compact({
            '@type': 'SportsEvent',
            name: event.name,
            startDate: event.startDate ?? event.raceDate ?? undefined,
            endDate: event.raceDate ?? undefined,
            location: event.circuit ? place(event.circuit) : undefined,
            superEvent: championship.series[0]
              ? { '@type': 'EventSeries', name: championship.series[0].name }
              : undefined,
          }),
        ]
      : []),
  ]
  return compact({
    '@context': 'https://schema.org' as const,
    '@type': 'NewsArticle' as const,
    '@id': `${article.url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
    url: article.url,
    // The permanent identity; `@id` stays the page's URL, which is what schema.org consumers join on.
    identifier: article.publicId,
    headline: article.title,
    description: summaryOf(article) ?? undefined,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    dateline: article.dateline ?? undefined,
    inLanguage: article.locale,
    author: article.authors.map((author) => ({ '@type': 'Person', name: author.name })),
    publisher: compact({
      '@type': 'Organization',
      name: options.publisher.name,
      url: options.publisher.url,
      logo: options.publisher.logoUrl
        ? { '@type': 'ImageObject', url: options.publisher.logoUrl }
        : undefined,
    }),
    keywords: article.tags.length ? article.tags : undefined,
    articleSection: championship.series.map((series) => series.name)[0],
    image: article.photos.map((photo) => imageObject(photo, options)),
    about: about.length ? about : undefined,
    mentions: mentions.length ? mentions : undefined,
  }) as NewsArticleJsonLd
}

export function imageObject(
  photo: DeliveredPhoto,
  options: Pick<JsonLdOptions, 'acquireLicensePage'> = {},
): Thing {
  const original = originalRendition(photo)
  return compact({
    '@type': 'ImageObject',
    contentUrl: original?.url,
    url: original?.url,
    width: original?.width,
    height: original?.height,
    encodingFormat: original?.mimeType,
    name: photo.headline ?? undefined,
    caption: photo.caption ?? undefined,
    description: photo.alt || undefined,
    creator: photo.photographer ? { '@type': 'Person', name: photo.photographer.name } : undefined,
    creditText: photo.creditLine,
    copyrightNotice: photo.copyrightNotice ?? undefined,
    license: photo.licenseUrl ?? undefined,
    acquireLicensePage: options.acquireLicensePage,
    dateCreated: photo.takenAt ?? undefined,
    keywords: photo.keywords.length ? photo.keywords : undefined,
  })
}

function place(circuit: Circuit): Thing {
  const address = compact({
    '@type': 'PostalAddress',
    addressLocality: circuit.locality ?? undefined,
    addressRegion: circuit.region ?? undefined,
    addressCountry: circuit.country ?? undefined,
  })
  return compact({
    '@type': 'Place',
    name: circuit.name,
    address: Object.keys(address).length > 1 ? address : undefined,
  })
}

const HTML_UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

/**
 * JSON that can be pasted into HTML as it is, e.g. into `<script type="application/ld+json">`:
 * `<`, `>`, `&`, U+2028 and U+2029 are written as `\u` escapes, so that a `</script>` or `<!--`
 * in a headline or caption cannot end the element, nor a line separator a JavaScript string. These
 * characters only occur inside JSON strings, where an escape means the same character: the text
 * stays valid JSON and parses back to the same value (Go's encoding/json does the same).
 */
export function htmlSafeJson(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (character) => HTML_UNSAFE[character]!)
}

/** The content of a `<script type="application/ld+json">` element. */
export const jsonLdScriptContent = (data: unknown): string => htmlSafeJson(data)

/** Drops undefined members so the document has no `"x": null` noise. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
