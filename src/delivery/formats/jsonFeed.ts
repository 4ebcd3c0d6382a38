import type { DeliveredArticle, FeedContext } from '../types'
import type { FeedOptions } from './rss'
import {
  articleTagUri,
  categoriesOf,
  feedLanguage,
  feedRendition,
  rfc3339,
  summaryOf,
} from './shared'

export interface JsonFeedOptions extends FeedOptions {
  /**
   * Where the `_paddock` extension is described. JSON Feed 1.1 lets an extension object carry an
   * `about` URL for readers and developers who meet it. Default: `<siteUrl>/content/v1/docs/json-feed-extension`.
   */
  extensionAbout?: string
}

export interface JsonFeedAuthor {
  name: string
  url?: string
}

export interface PaddockPhotoCredit {
  url: string
  creditLine: string
  photographer: string | null
  copyrightNotice: string | null
  license: string | null
}

export interface JsonFeedItem {
  id: string
  url: string
  title: string
  content_html: string
  summary?: string
  image?: string
  date_published: string
  date_modified: string
  authors?: JsonFeedAuthor[]
  tags?: string[]
  language: string
  /** Custom extension (names start with `_`): the credit every photo must be printed with. */
  _paddock: { about: string; photos: PaddockPhotoCredit[] }
}

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1'
  title: string
  home_page_url: string
  feed_url: string
  description: string
  language?: string
  items: JsonFeedItem[]
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeed(
  articles: DeliveredArticle[],
  feed: FeedContext,
  options: JsonFeedOptions = {},
): JsonFeed {
  const about =
    options.extensionAbout ?? new URL('/content/v1/docs/json-feed-extension', feed.siteUrl).href
  const language = feedLanguage(articles, options.language)
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.siteUrl,
    feed_url: feed.selfUrl,
    description: feed.description,
    ...(language ? { language } : {}),
    items: articles.map((article) => item(article, about, options)),
  }
}

function item(article: DeliveredArticle, about: string, options: FeedOptions): JsonFeedItem {
  const summary = summaryOf(article)
  const hero = article.heroPhoto && feedRendition(article.heroPhoto)
  const tags = categoriesOf(article)
  return {
    id: articleTagUri(article, options),
    url: article.url,
    title: article.title,
    content_html: article.html,
    ...(summary ? { summary } : {}),
    ...(hero ? { image: hero.url } : {}),
    date_published: rfc3339(article.publishedAt),
    date_modified: rfc3339(article.updatedAt),
    ...(article.authors.length
      ? { authors: article.authors.map((author) => ({ name: author.name })) }
      : {}),
    ...(tags.length ? { tags } : {}),
    language: article.locale,
    _paddock: {
      about,
      photos: article.photos.flatMap((photo) => {
        const rendition = feedRendition(photo)
        if (!rendition) return []
        return [
          {
            url: rendition.url,
            creditLine: photo.creditLine,
            photographer: photo.photographer?.name ?? null,
            copyrightNotice: photo.copyrightNotice,
            license: photo.licenseUrl,
          },
        ]
      }),
    },
  }
}
