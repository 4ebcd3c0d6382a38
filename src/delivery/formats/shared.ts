import type { DeliveredArticle, DeliveredEvent, DeliveredPhoto, Rendition } from '../types'

export type Circuit = NonNullable<DeliveredEvent['circuit']>

/**
 * How stable identifiers are minted: RFC 4151 `tag:` URIs, `tag:<authority>,<date>:<specific>`.
 * The date is the day the authority (a domain) was held by the publisher; neither may change once
 * feeds are out, so the server passes the identity stored at its first start
 * (src/delivery/feedIdentity.ts), never one derived from a URL that may change.
 */
export interface TagOptions {
  /** A domain the publisher holds. Default (renderers called alone): the host of the URL. */
  tagAuthority?: string
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` on which the publisher held the authority. */
  tagDate?: string
}

export const DEFAULT_TAG_DATE = '2024'

export function tagUri(
  kind: 'articles' | 'photos' | 'feeds',
  id: string,
  fallbackUrl: string,
  options: TagOptions = {},
): string {
  const authority = options.tagAuthority ?? new URL(fallbackUrl).hostname
  const date = options.tagDate ?? DEFAULT_TAG_DATE
  // UUIDs, row ids or MongoDB hex; feed keys are URL paths. Either way only URI characters remain.
  const specific = id.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/')
  return `tag:${authority},${date}:paddock/${kind}/${specific}`
}

/** A story's GUID: its publicId, which is never reused, unlike a SQL row id. */
export const articleTagUri = (article: DeliveredArticle, options?: TagOptions) =>
  tagUri('articles', article.publicId, article.url, options)

export const photoTagUri = (photo: DeliveredPhoto, articleUrl: string, options?: TagOptions) =>
  tagUri('photos', photo.id, articleUrl, options)

/** RFC 822 date as RSS 2.0 wants it (`Sun, 01 Oct 2023 12:00:00 GMT`). */
export const rfc822 = (iso: string) => new Date(iso).toUTCString()

/** RFC 3339 / W3C datetime in UTC, what Atom, JSON Feed, sitemaps and ninjs want. */
export const rfc3339 = (iso: string) => new Date(iso).toISOString().replace('.000Z', 'Z')

/** The short text that describes the story: standfirst, else the SEO description. */
export const summaryOf = (article: DeliveredArticle): string | null =>
  article.standfirst ?? article.seoDescription ?? null

/**
 * The rendition a feed points at: the `large` size when it exists (originals from agencies can be
 * tens of megabytes), else the original, which is always first.
 */
export function feedRendition(photo: DeliveredPhoto): Rendition | null {
  return (
    photo.renditions.find((rendition) => rendition.name === 'large') ?? photo.renditions[0] ?? null
  )
}

/** The original upload: first by contract. */
export const originalRendition = (photo: DeliveredPhoto): Rendition | null =>
  photo.renditions.find((rendition) => rendition.name === 'original') ?? photo.renditions[0] ?? null

/** Feed categories: the editors' tags, then the series the story belongs to, each once. */
export function categoriesOf(article: DeliveredArticle): string[] {
  return unique([...article.tags, ...article.championship.series.map((series) => series.name)])
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}

/** A title for a photo where one is wanted: its headline, else its alt text. */
export const photoTitle = (photo: DeliveredPhoto) => photo.headline ?? photo.alt

/** The language a feed declares: the one asked for, else the stories' own when they agree. */
export function feedLanguage(articles: DeliveredArticle[], language?: string): string | null {
  if (language) return language
  const locales = unique(articles.map((article) => article.locale))
  return locales.length === 1 ? locales[0]! : null
}
