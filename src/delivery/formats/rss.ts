import type { DeliveredArticle, FeedContext } from '../types'
import { appendMediaContent, appendThumbnail, NS, serialize, xmlDocument } from './xml'
import {
  articleTagUri,
  categoriesOf,
  feedLanguage,
  feedRendition,
  rfc822,
  summaryOf,
} from './shared'
import type { TagOptions } from './shared'

export interface FeedOptions extends TagOptions {
  /** BCP 47 language of the feed. Default: the stories' locale when they all share one. */
  language?: string
}

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) with Media RSS for photos and credits,
 * `atom:link rel="self"` as the RSS Advisory Board recommends, `dc:creator` for bylines (RSS's own
 * `author` must be an e-mail address) and the body in `content:encoded`. The hero photo is also
 * the item's `enclosure` (one at most per item; its `length` in bytes is required) and its
 * `media:thumbnail`, which is what most readers show as the item's picture.
 */
export function rss(
  articles: DeliveredArticle[],
  feed: FeedContext,
  options: FeedOptions = {},
): string {
  const document = xmlDocument()
  const channel = document
    .ele('rss', {
      version: '2.0',
      'xmlns:atom': NS.atom,
      'xmlns:content': NS.content,
      'xmlns:dc': NS.dc,
      'xmlns:media': NS.media,
    })
    .ele('channel')
  channel.ele('title').txt(feed.title)
  channel.ele('link').txt(feed.siteUrl)
  channel.ele('description').txt(feed.description)
  channel.ele('atom:link', { href: feed.selfUrl, rel: 'self', type: 'application/rss+xml' })
  const language = feedLanguage(articles, options.language)
  if (language) channel.ele('language').txt(language)
  channel.ele('lastBuildDate').txt(rfc822(feed.updatedAt))
  channel.ele('generator').txt('Paddock CMS')

  for (const article of articles) {
    const item = channel.ele('item')
    item.ele('title').txt(article.title)
    item.ele('link').txt(article.url)
    const summary = summaryOf(article)
    if (summary) item.ele('description').txt(summary)
    item.ele('content:encoded').txt(article.html)
    // Not the URL: a story's address can change with its slug, its identity must not.
    item.ele('guid', { isPermaLink: 'false' }).txt(articleTagUri(article, options))
    item.ele('pubDate').txt(rfc822(article.publishedAt))
    for (const author of article.authors) item.ele('dc:creator').txt(author.name)
    for (const category of categoriesOf(article)) item.ele('category').txt(category)
    const hero = article.heroPhoto && feedRendition(article.heroPhoto)
    if (hero?.bytes)
      item.ele('enclosure', { url: hero.url, length: String(hero.bytes), type: hero.mimeType })
    if (article.heroPhoto) appendThumbnail(item, article.heroPhoto)
    for (const photo of article.photos) appendMediaContent(item, photo)
  }
  return serialize(document)
}
