import type { DeliveredArticle, FeedContext } from '../types'
import type { FeedOptions } from './rss'
import { articleTagUri, categoriesOf, feedLanguage, rfc3339, summaryOf, tagUri } from './shared'
import { appendMediaContent, NS, serialize, xmlDocument } from './xml'

export interface AtomOptions extends FeedOptions {
  /**
   * The feed-level `author`, which RFC 4287 requires unless every entry has its own. Default: the
   * feed's title (the publication).
   */
  publisherName?: string
}

/** Atom 1.0 (RFC 4287) with the same Media RSS photo elements as the RSS feed. */
export function atom(
  articles: DeliveredArticle[],
  feed: FeedContext,
  options: AtomOptions = {},
): string {
  const document = xmlDocument()
  const language = feedLanguage(articles, options.language)
  const root = document.ele(NS.atom, 'feed', {
    'xmlns:media': NS.media,
    ...(language ? { 'xml:lang': language } : {}),
  })
  root.ele('id').txt(tagUri('feeds', new URL(feed.selfUrl).pathname, feed.siteUrl, options))
  root.ele('title', { type: 'text' }).txt(feed.title)
  root.ele('subtitle', { type: 'text' }).txt(feed.description)
  root.ele('updated').txt(rfc3339(feed.updatedAt))
  root.ele('link', { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl })
  // No `type` on alternate links: STORY_URL may name HTML pages or, by default, the delivery API's
  // JSON, and a wrong type is worse than none (RFC 4287 4.2.7.3 makes it advisory and optional).
  root.ele('link', { rel: 'alternate', href: feed.siteUrl })
  root
    .ele('author')
    .ele('name')
    .txt(options.publisherName ?? feed.title)
  root.ele('generator').txt('Paddock CMS')

  for (const article of articles) {
    const entry = root.ele('entry')
    entry.ele('id').txt(articleTagUri(article, options))
    entry.ele('title', { type: 'text' }).txt(article.title)
    entry.ele('updated').txt(rfc3339(article.updatedAt))
    entry.ele('published').txt(rfc3339(article.publishedAt))
    for (const author of article.authors) entry.ele('author').ele('name').txt(author.name)
    entry.ele('link', { rel: 'alternate', href: article.url })
    const summary = summaryOf(article)
    if (summary) entry.ele('summary', { type: 'text' }).txt(summary)
    entry.ele('content', { type: 'html' }).txt(article.html)
    for (const term of categoriesOf(article)) entry.ele('category', { term })
    for (const photo of article.photos) appendMediaContent(entry, photo)
  }
  return serialize(document)
}
